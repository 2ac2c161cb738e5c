import { randomBytes, randomInt } from 'node:crypto';

/** Both adapters retry a transient failure (5xx, 429, no answer) this many times inside one call. */
export const TRANSIENT_RETRIES = 2;

/** 5xx, 429 and no answer at all are worth another try; any other 4xx is a refusal. */
export function isTransient(status: number | undefined): boolean {
  return status === undefined || status === 429 || status >= 500;
}

/**
 * Google lets a client choose an event's id (base32hex, 5–1024 characters): hex of the request id is
 * one, so a retried insert of the same request meets the first event (409) instead of making another.
 */
export function eventIdFor(requestId: string): string {
  return Buffer.from(requestId, 'utf8').toString('hex');
}

/** A fresh id for a request whose first event was deleted since (Google keeps deleted ids taken). */
export function freshEventId(requestId: string): string {
  return `${eventIdFor(requestId)}${randomBytes(4).toString('hex')}`;
}

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

/** Meet's code shape: `abc-defg-hij`. */
export function meetCode(): string {
  const part = (n: number) => Array.from({ length: n }, () => LETTERS[randomInt(26)]).join('');
  return `${part(3)}-${part(4)}-${part(3)}`;
}
