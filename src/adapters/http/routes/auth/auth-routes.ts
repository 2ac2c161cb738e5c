import type { LogInStaffWithOtpHandler } from '../../../../application/identity/commands/log-in-staff-with-otp.js';
import type { LogInStaffWithPasswordHandler } from '../../../../application/identity/commands/log-in-staff-with-password.js';
import type { LogOutHandler } from '../../../../application/identity/commands/log-out.js';
import type { RefreshAccessHandler } from '../../../../application/identity/commands/refresh-access.js';
import type { SendStaffOtpHandler } from '../../../../application/identity/commands/send-staff-otp.js';
import type { GetCurrentStaffHandler } from '../../../../application/identity/queries/get-current-account.js';
import { PhoneNumber } from '../../../../domain/shared/phone-number.js';
import { OTP_RULES } from '../../../../domain/identity/one-time-code.js';
import { anyStaff, endpoint, publicAccess, type Endpoint } from '../../endpoint.js';
import { refreshEndpoint } from './refresh-endpoint.js';
import { authErrors, messageOnly } from '../common-responses.js';
import {
  OtpSentData,
  PhoneOtpBody,
  PhonePasswordBody,
  RefreshBody,
  SendOtpBody,
  StaffLoginData,
  StaffUserData,
  UsernamePasswordBody,
} from './auth-schemas.js';
import { staffUserView } from './staff-user-view.js';

export interface StaffAuthHandlers {
  sendOtp: SendStaffOtpHandler;
  logInWithOtp: LogInStaffWithOtpHandler;
  logInWithPassword: LogInStaffWithPasswordHandler;
  refresh: RefreshAccessHandler;
  logOut: LogOutHandler;
  currentStaff: GetCurrentStaffHandler;
}

const tag = 'Authentication';
const loginResponses = [
  { status: 200, description: 'Logged in', data: StaffLoginData },
  ...authErrors(['VALIDATION_ERROR', 'INVALID_CREDENTIALS', 'RATE_LIMIT_EXCEEDED']),
];

export function staffAuthRoutes(h: StaffAuthHandlers): Endpoint[] {
  const loggedIn = (result: Awaited<ReturnType<LogInStaffWithOtpHandler['execute']>>) => ({
    message: 'Login successful',
    data: {
      user: staffUserView(result.user),
      accessToken: result.accessToken,
      refreshToken: result.refreshToken,
    },
  });
  return [
    endpoint({
      method: 'POST',
      path: '/api/auth/send-otp',
      tag,
      summary: 'Send a login OTP to a staff phone by SMS',
      description: 'Answers the same for unknown phones; a code is sent only to active staff.',
      access: publicAccess,
      rateLimit: 'otp',
      body: SendOtpBody,
      identifier: (body) => body.phone,
      responses: [
        { status: 200, description: 'OTP sent', data: OtpSentData },
        ...authErrors(['VALIDATION_ERROR', 'RATE_LIMIT_EXCEEDED']),
      ],
      handle: async ({ body }) => {
        const { phone } = await h.sendOtp.execute(body);
        return { message: 'OTP sent successfully', data: { phone, expiresIn: OTP_RULES.ttlSeconds } };
      },
    }),
    endpoint({
      method: 'POST',
      path: '/api/auth/login/phone-otp',
      tag,
      summary: 'Log in with phone and OTP',
      access: publicAccess,
      rateLimit: 'auth',
      body: PhoneOtpBody,
      identifier: (body) => body.phone,
      responses: [...loginResponses, ...authErrors(['INVALID_OTP', 'OTP_EXPIRED'])],
      handle: async ({ body }) => loggedIn(await h.logInWithOtp.execute(body)),
    }),
    endpoint({
      method: 'POST',
      path: '/api/auth/login/phone-password',
      tag,
      summary: 'Log in with phone and password',
      access: publicAccess,
      rateLimit: 'auth',
      body: PhonePasswordBody,
      identifier: (body) => PhoneNumber.normalise(body.phone) ?? body.phone,
      responses: loginResponses,
      handle: async ({ body }) => loggedIn(await h.logInWithPassword.execute(body)),
    }),
    endpoint({
      method: 'POST',
      path: '/api/auth/login/username-password',
      tag,
      summary: 'Log in with username and password',
      access: publicAccess,
      rateLimit: 'auth',
      body: UsernamePasswordBody,
      identifier: (body) => body.username.toLowerCase(),
      responses: loginResponses,
      handle: async ({ body }) => loggedIn(await h.logInWithPassword.execute(body)),
    }),
    refreshEndpoint('/api/auth/refresh', tag, 'staff', h.refresh),
    endpoint({
      method: 'POST',
      path: '/api/auth/logout',
      tag,
      summary: 'Log out: revoke the refresh token',
      access: anyStaff,
      rateLimit: 'general',
      body: RefreshBody,
      responses: [
        messageOnly('Logged out'),
        ...authErrors(['VALIDATION_ERROR', 'UNAUTHORIZED', 'INVALID_TOKEN', 'FORBIDDEN']),
      ],
      handle: async ({ body, actor }) => {
        await h.logOut.execute(body, 'staff', actor.userId);
        return { message: 'Logged out successfully' };
      },
    }),
    endpoint({
      method: 'GET',
      path: '/api/auth/me',
      tag,
      summary: 'The logged-in staff user',
      access: anyStaff,
      rateLimit: 'general',
      responses: [
        { status: 200, description: 'Current user', data: StaffUserData },
        ...authErrors(['UNAUTHORIZED', 'INVALID_TOKEN', 'TOKEN_EXPIRED', 'FORBIDDEN']),
      ],
      handle: async ({ actor }) => ({ data: staffUserView(await h.currentStaff.execute(actor)) }),
    }),
  ];
}
