import type { Context } from 'koa';
import type { Actor } from '../../../application/shared/actor.js';
import { ForbiddenError, UnauthorizedError } from '../../../application/shared/app-errors.js';
import { Roles } from '../../../domain/identity/role.js';
import type { Access } from '../endpoint.js';

export type Authenticate = (accessToken: string) => Promise<Actor>;

const BEARER = /^Bearer\s+(\S+)\s*$/i;

/**
 * Establishes the caller for a route's declared access: no token → 401 UNAUTHORIZED; a bad one → 401
 * INVALID_TOKEN or TOKEN_EXPIRED; a valid token of the wrong kind or role → 403 FORBIDDEN.
 * Public routes read a token when one is sent (some show more to staff) and ignore a bad one.
 */
export async function actorFor(
  access: Access,
  ctx: Context,
  authenticate: Authenticate,
): Promise<Actor | null> {
  const header = ctx.get('Authorization');
  if (access.kind === 'public') {
    const token = BEARER.exec(header)?.[1];
    return token ? authenticate(token).catch(() => null) : null;
  }
  if (!header) throw new UnauthorizedError('UNAUTHORIZED', 'Authentication required');
  const token = BEARER.exec(header)?.[1];
  if (!token) throw new UnauthorizedError('INVALID_TOKEN', 'Invalid or malformed token');
  const actor = await authenticate(token);
  if (!isAllowed(access, actor)) throw new ForbiddenError();
  return actor;
}

function isAllowed(access: Access, actor: Actor): boolean {
  switch (access.kind) {
    case 'patient':
      return actor.kind === 'patient';
    case 'staff':
      return actor.kind === 'staff' && rolePermits(access.roles, actor);
    case 'staff-or-patient':
      return actor.kind === 'patient' || rolePermits(access.roles, actor);
    default:
      return true;
  }
}

function rolePermits(roles: Extract<Access, { roles: unknown }>['roles'], actor: Actor): boolean {
  if (actor.kind !== 'staff') return false;
  if (roles === 'any') return true;
  return roles.some((role) => Roles[role] === actor.roleId);
}
