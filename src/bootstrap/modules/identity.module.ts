import type { Container } from 'inversify';
import { LogInStaffWithOtpHandler } from '../../application/identity/commands/log-in-staff-with-otp.js';
import { LogInStaffWithPasswordHandler } from '../../application/identity/commands/log-in-staff-with-password.js';
import { LogOutHandler } from '../../application/identity/commands/log-out.js';
import { RefreshAccessHandler } from '../../application/identity/commands/refresh-access.js';
import { SendPatientOtpHandler } from '../../application/identity/commands/send-patient-otp.js';
import { SendStaffOtpHandler } from '../../application/identity/commands/send-staff-otp.js';
import { VerifyPatientOtpHandler } from '../../application/identity/commands/verify-patient-otp.js';
import { OtpChallenges } from '../../application/identity/otp-challenges.js';
import { AuthenticateCallerHandler } from '../../application/identity/queries/authenticate-caller.js';
import {
  GetCurrentPatientHandler,
  GetCurrentStaffHandler,
} from '../../application/identity/queries/get-current-account.js';
import { SessionIssuer } from '../../application/identity/session-issuer.js';
import {
  MikroOneTimeCodeRepository,
  MikroPatientRepository,
  MikroRefreshSessionRepository,
  MikroStaffUserRepository,
} from '../../adapters/persistence/repositories/mikro-identity-repositories.js';
import { Argon2SecretHasher } from '../../adapters/security/argon2-secret-hasher.js';
import { JoseTokenService } from '../../adapters/security/jose-token-service.js';
import { RandomOtpGenerator } from '../../adapters/security/random-otp-generator.js';
import { T } from '../tokens.js';

export function bindIdentity(c: Container): void {
  c.bind(T.StaffUsers)
    .toDynamicValue((x) => new MikroStaffUserRepository(x.get(T.Em)))
    .inSingletonScope();
  c.bind(T.Patients)
    .toDynamicValue((x) => new MikroPatientRepository(x.get(T.Em)))
    .inSingletonScope();
  c.bind(T.OneTimeCodes)
    .toDynamicValue((x) => new MikroOneTimeCodeRepository(x.get(T.Em)))
    .inSingletonScope();
  c.bind(T.RefreshSessions)
    .toDynamicValue((x) => new MikroRefreshSessionRepository(x.get(T.Em)))
    .inSingletonScope();
  c.bind(T.SecretHasher).toConstantValue(new Argon2SecretHasher());
  c.bind(T.OtpGenerator).toConstantValue(new RandomOtpGenerator());
  c.bind(T.TokenService)
    .toDynamicValue((x) => {
      const { env } = x.get(T.Config);
      const secrets = x.get(T.JwtSecrets);
      return new JoseTokenService(
        {
          accessSecret: secrets.access,
          refreshSecret: secrets.refresh,
          accessTtlSeconds: env.JWT_EXPIRES_IN,
          refreshTtlSeconds: env.JWT_REFRESH_EXPIRES_IN,
        },
        x.get(T.Clock),
      );
    })
    .inSingletonScope();
  c.bind(T.OtpChallenges)
    .toDynamicValue(
      (x) =>
        new OtpChallenges(
          x.get(T.OneTimeCodes),
          x.get(T.SecretHasher),
          x.get(T.OtpGenerator),
          x.get(T.UnitOfWork),
          x.get(T.Clock),
        ),
    )
    .inSingletonScope();
  c.bind(T.SessionIssuer)
    .toDynamicValue((x) => new SessionIssuer(x.get(T.TokenService), x.get(T.RefreshSessions), x.get(T.Clock)))
    .inSingletonScope();

  c.bind(T.SendStaffOtp)
    .toDynamicValue(
      (x) => new SendStaffOtpHandler(x.get(T.StaffUsers), x.get(T.OtpChallenges), x.get(T.SmsSender)),
    )
    .inSingletonScope();
  c.bind(T.LogInStaffWithOtp)
    .toDynamicValue(
      (x) =>
        new LogInStaffWithOtpHandler(x.get(T.StaffUsers), x.get(T.OtpChallenges), x.get(T.SessionIssuer)),
    )
    .inSingletonScope();
  c.bind(T.LogInStaffWithPassword)
    .toDynamicValue(
      (x) =>
        new LogInStaffWithPasswordHandler(
          x.get(T.StaffUsers),
          x.get(T.SecretHasher),
          x.get(T.SessionIssuer),
          x.get(T.UnitOfWork),
        ),
    )
    .inSingletonScope();
  c.bind(T.RefreshAccess)
    .toDynamicValue(
      (x) =>
        new RefreshAccessHandler(
          x.get(T.TokenService),
          x.get(T.RefreshSessions),
          x.get(T.StaffUsers),
          x.get(T.Patients),
          x.get(T.Clock),
        ),
    )
    .inSingletonScope();
  c.bind(T.LogOut)
    .toDynamicValue(
      (x) =>
        new LogOutHandler(
          x.get(T.TokenService),
          x.get(T.RefreshSessions),
          x.get(T.UnitOfWork),
          x.get(T.Clock),
        ),
    )
    .inSingletonScope();
  c.bind(T.SendPatientOtp)
    .toDynamicValue((x) => new SendPatientOtpHandler(x.get(T.OtpChallenges), x.get(T.WhatsAppSender)))
    .inSingletonScope();
  c.bind(T.VerifyPatientOtp)
    .toDynamicValue(
      (x) =>
        new VerifyPatientOtpHandler(
          x.get(T.Patients),
          x.get(T.OtpChallenges),
          x.get(T.SessionIssuer),
          x.get(T.Clock),
        ),
    )
    .inSingletonScope();
  c.bind(T.GetCurrentStaff)
    .toDynamicValue((x) => new GetCurrentStaffHandler(x.get(T.StaffUsers)))
    .inSingletonScope();
  c.bind(T.GetCurrentPatient)
    .toDynamicValue((x) => new GetCurrentPatientHandler(x.get(T.Patients)))
    .inSingletonScope();
  c.bind(T.AuthenticateCaller)
    .toDynamicValue(
      (x) =>
        new AuthenticateCallerHandler(
          x.get(T.TokenService),
          x.get(T.StaffUsers),
          x.get(T.Patients),
          x.get(T.Clock),
        ),
    )
    .inSingletonScope();
}
