import type { LogOutHandler } from '../../../../application/identity/commands/log-out.js';
import type { RefreshAccessHandler } from '../../../../application/identity/commands/refresh-access.js';
import type { SendPatientOtpHandler } from '../../../../application/identity/commands/send-patient-otp.js';
import type { VerifyPatientOtpHandler } from '../../../../application/identity/commands/verify-patient-otp.js';
import type { GetCurrentPatientHandler } from '../../../../application/identity/queries/get-current-account.js';
import { OTP_RULES } from '../../../../domain/identity/one-time-code.js';
import { refreshEndpoint } from '../auth/refresh-endpoint.js';
import { endpoint, patientOnly, publicAccess, type Endpoint } from '../../endpoint.js';
import { OtpSentData, RefreshBody } from '../auth/auth-schemas.js';
import { authErrors, messageOnly } from '../common-responses.js';
import {
  PatientData,
  PatientLoginData,
  PatientSendOtpBody,
  PatientVerifyOtpBody,
} from './patient-auth-schemas.js';
import { patientView } from './patient-view.js';

export interface PatientAuthHandlers {
  sendOtp: SendPatientOtpHandler;
  verifyOtp: VerifyPatientOtpHandler;
  refresh: RefreshAccessHandler;
  logOut: LogOutHandler;
  currentPatient: GetCurrentPatientHandler;
}

const tag = 'Patient Authentication';

export function patientAuthRoutes(h: PatientAuthHandlers): Endpoint[] {
  return [
    endpoint({
      method: 'POST',
      path: '/api/patient-auth/send-otp',
      tag,
      summary: 'Send a sign-in OTP to a patient on WhatsApp',
      description: '`fullName` is kept for the sign-up that the first successful verify performs.',
      access: publicAccess,
      rateLimit: 'otp',
      body: PatientSendOtpBody,
      identifier: (body) => body.phone,
      responses: [
        { status: 200, description: 'OTP sent', data: OtpSentData },
        ...authErrors(['VALIDATION_ERROR', 'RATE_LIMIT_EXCEEDED', 'GATEWAY_UNAVAILABLE']),
      ],
      handle: async ({ body }) => {
        const { phone } = await h.sendOtp.execute(body);
        return {
          message: 'OTP sent successfully via WhatsApp',
          data: { phone, expiresIn: OTP_RULES.ttlSeconds },
        };
      },
    }),
    endpoint({
      method: 'POST',
      path: '/api/patient-auth/verify-otp',
      tag,
      summary: 'Verify the OTP: log in, or sign up on first use',
      access: publicAccess,
      rateLimit: 'auth',
      body: PatientVerifyOtpBody,
      identifier: (body) => body.phone,
      responses: [
        { status: 200, description: 'Logged in', data: PatientLoginData },
        ...authErrors(['VALIDATION_ERROR', 'INVALID_OTP', 'OTP_EXPIRED', 'RATE_LIMIT_EXCEEDED']),
      ],
      handle: async ({ body }) => {
        const result = await h.verifyOtp.execute(body);
        const { id, fullName, phone, email } = result.patient;
        return {
          message: 'Login successful',
          data: {
            patient: { id, fullName, phone, email, isNewUser: result.isNewUser },
            accessToken: result.accessToken,
            refreshToken: result.refreshToken,
          },
        };
      },
    }),
    refreshEndpoint('/api/patient-auth/refresh-token', tag, 'patient', h.refresh),
    endpoint({
      method: 'POST',
      path: '/api/patient-auth/logout',
      tag,
      summary: 'Log out: revoke the refresh token (no access token needed)',
      access: publicAccess,
      rateLimit: 'general',
      body: RefreshBody,
      responses: [
        messageOnly('Logged out'),
        ...authErrors(['VALIDATION_ERROR', 'INVALID_TOKEN', 'TOKEN_EXPIRED']),
      ],
      handle: async ({ body }) => {
        await h.logOut.execute(body, 'patient');
        return { message: 'Logged out successfully' };
      },
    }),
    endpoint({
      method: 'GET',
      path: '/api/patient-auth/me',
      tag,
      summary: 'The logged-in patient',
      access: patientOnly,
      rateLimit: 'general',
      responses: [
        { status: 200, description: 'Current patient', data: PatientData },
        ...authErrors(['UNAUTHORIZED', 'INVALID_TOKEN', 'TOKEN_EXPIRED', 'FORBIDDEN']),
      ],
      handle: async ({ actor }) => ({ data: patientView(await h.currentPatient.execute(actor)) }),
    }),
  ];
}
