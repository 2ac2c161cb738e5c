import type { Context } from 'koa';
import type * as v from 'valibot';
import type { Actor, PatientActor, StaffActor } from '../../application/shared/actor.js';
import type { StaffRoleName } from '../../domain/identity/role.js';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** Who may call: nobody needs a token, staff (all or some roles), patients, or either kind. */
export type Access =
  | { kind: 'public' }
  | { kind: 'staff'; roles: readonly StaffRoleName[] | 'any' }
  | { kind: 'patient' }
  | { kind: 'staff-or-patient'; roles: readonly StaffRoleName[] | 'any' };

/** CONTRACT.md's classes: OTP sends, authentication, everything else, and the unlimited few. */
export type RateLimitClass = 'otp' | 'auth' | 'general' | 'none';

type Schema = v.GenericSchema;
type Out<S> = S extends Schema ? v.InferOutput<S> : undefined;

type ActorOf<A extends Access> = A extends { kind: 'public' }
  ? Actor | null
  : A extends { kind: 'staff' }
    ? StaffActor
    : A extends { kind: 'patient' }
      ? PatientActor
      : Actor;

export interface RouteInput<A extends Access, P, Q, B> {
  params: P;
  query: Q;
  body: B;
  actor: ActorOf<A>;
  requestId: string;
  ip: string;
  /** The raw Koa context, for the few routes that answer something other than JSON. */
  koa: Context;
}

/** A JSON answer in the envelope; `raw` routes write `koa.body` themselves and return nothing. */
export interface RouteResult {
  status?: number;
  message?: string;
  data?: unknown;
  meta?: unknown;
}

export interface ResponseDoc {
  status: number;
  description: string;
  data?: Schema;
}

export interface EndpointSpec<A extends Access, PS, QS, BS> {
  method: HttpMethod;
  /** Koa-style path under `/api`, e.g. `/api/users/:id`. */
  path: string;
  tag: string;
  summary: string;
  description?: string;
  access: A;
  rateLimit: RateLimitClass;
  params?: PS;
  query?: QS;
  body?: BS;
  /** For the otp and auth classes: the identifier counted per class (phone, username, refresh token). */
  identifier?: (body: Out<BS>) => string;
  responses: ResponseDoc[];
  /** Not a JSON API route (docs page, its assets, metrics): left out of the OpenAPI document. */
  raw?: boolean;
  handle(input: RouteInput<A, Out<PS>, Out<QS>, Out<BS>>): Promise<RouteResult | void>;
}

/** The erased form the router and the OpenAPI generator work with. */
export interface Endpoint {
  method: HttpMethod;
  path: string;
  tag: string;
  summary: string;
  description?: string;
  access: Access;
  rateLimit: RateLimitClass;
  params?: Schema;
  query?: Schema;
  body?: Schema;
  identifier?: (body: unknown) => string;
  responses: ResponseDoc[];
  raw?: boolean;
  handle(input: RouteInput<Access, unknown, unknown, unknown>): Promise<RouteResult | void>;
}

/** Declares one endpoint; the schemas type the handler's input. */
export function endpoint<
  A extends Access,
  PS extends Schema | undefined = undefined,
  QS extends Schema | undefined = undefined,
  BS extends Schema | undefined = undefined,
>(spec: EndpointSpec<A, PS, QS, BS>): Endpoint {
  return spec as unknown as Endpoint;
}

export const anyStaff = { kind: 'staff', roles: 'any' } as const;
export const publicAccess = { kind: 'public' } as const;
export const patientOnly = { kind: 'patient' } as const;
