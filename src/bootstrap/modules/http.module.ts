import { createRequire } from 'node:module';
import type { Container } from 'inversify';
import { HttpMetrics } from '../../adapters/http/metrics.js';
import { RateLimits } from '../../adapters/http/rate-limits.js';
import { staffAuthRoutes } from '../../adapters/http/routes/auth/auth-routes.js';
import { devRoutes } from '../../adapters/http/routes/dev/dev-routes.js';
import { docsRoutes } from '../../adapters/http/routes/system/docs-routes.js';
import { patientAuthRoutes } from '../../adapters/http/routes/patient-auth/patient-auth-routes.js';
import { systemRoutes } from '../../adapters/http/routes/system/system-routes.js';
import type { Endpoint } from '../../adapters/http/endpoint.js';
import { T } from '../tokens.js';

const { version } = createRequire(import.meta.url)('../../../package.json') as { version: string };

export function bindHttp(c: Container, startedAt: number): void {
  c.bind(T.HttpMetrics).toConstantValue(new HttpMetrics());
  c.bind(T.RateLimits)
    .toDynamicValue((x) => {
      const { env } = x.get(T.Config);
      return new RateLimits(
        {
          authMax: env.RATE_LIMIT_AUTH_MAX,
          otpMax: env.RATE_LIMIT_OTP_MAX,
          apiMax: env.RATE_LIMIT_API_MAX,
          windowSeconds: env.RATE_LIMIT_WINDOW_SECONDS,
          ipMultiplier: env.RATE_LIMIT_IP_MULTIPLIER,
          prefix: env.RATE_LIMIT_PREFIX,
        },
        x.get(T.Redis),
      );
    })
    .inSingletonScope();
  c.bind(T.Endpoints)
    .toDynamicValue((x) => {
      const config = x.get(T.Config);
      const endpoints: Endpoint[] = [
        ...systemRoutes({
          databaseIsUp: () => x.get(T.DatabaseProbe).isUp(),
          metrics: x.get(T.HttpMetrics),
          metricsToken: config.env.METRICS_TOKEN,
          startedAt,
        }),
        ...staffAuthRoutes({
          sendOtp: x.get(T.SendStaffOtp),
          logInWithOtp: x.get(T.LogInStaffWithOtp),
          logInWithPassword: x.get(T.LogInStaffWithPassword),
          refresh: x.get(T.RefreshAccess),
          logOut: x.get(T.LogOut),
          currentStaff: x.get(T.GetCurrentStaff),
        }),
        ...patientAuthRoutes({
          sendOtp: x.get(T.SendPatientOtp),
          verifyOtp: x.get(T.VerifyPatientOtp),
          refresh: x.get(T.RefreshAccess),
          logOut: x.get(T.LogOut),
          currentPatient: x.get(T.GetCurrentPatient),
        }),
        ...x.getAll(T.RouteGroups, { optional: true }).flat(),
      ];
      const outbox = x.get(T.DevOutbox);
      if (outbox && !config.production) endpoints.push(...devRoutes(outbox));
      endpoints.push(...docsRoutes(() => endpoints, { title: 'Mibo API', version }));
      return endpoints;
    })
    .inSingletonScope();
}
