import type { RefreshAccessHandler } from '../../../../application/identity/commands/refresh-access.js';
import type { SubjectKind } from '../../../../domain/identity/refresh-session.js';
import { endpoint, publicAccess, type Endpoint } from '../../endpoint.js';
import { authErrors } from '../common-responses.js';
import { AccessTokenData, RefreshBody } from './auth-schemas.js';

/** Staff and patients refresh alike; only the path and the kind of session differ. */
export function refreshEndpoint(
  path: string,
  tag: string,
  kind: SubjectKind,
  refresh: RefreshAccessHandler,
): Endpoint {
  return endpoint({
    method: 'POST',
    path,
    tag,
    summary: 'Get a new access token with a refresh token',
    access: publicAccess,
    rateLimit: 'auth',
    body: RefreshBody,
    identifier: (body) => body.refreshToken,
    responses: [
      { status: 200, description: 'New access token', data: AccessTokenData },
      ...authErrors(['VALIDATION_ERROR', 'INVALID_TOKEN', 'TOKEN_EXPIRED', 'RATE_LIMIT_EXCEEDED']),
    ],
    handle: async ({ body }) => ({ data: await refresh.execute(body, kind) }),
  });
}
