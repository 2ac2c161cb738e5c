import { MessageNotSentError } from '../../application/messaging/ports/outbound-message.js';
import { retryTransient, type RetryPolicy } from './retry-transient.js';

/** How a messaging adapter retries one send: every adapter, fake or real, uses this one policy. */
export const DEFAULT_RETRY_POLICY: RetryPolicy = { tries: 3, delaysMs: [250, 1000] };

/** One try's failure: `retryable` for 5xx, timeouts and network errors; not for 4xx. */
export class ProviderRefusal extends Error {
  constructor(
    readonly retryable: boolean,
    readonly detail: string,
  ) {
    super(detail);
  }
}

/**
 * Runs `attempt` until it succeeds, a try is refused for good (4xx: no retry), or the tries run out
 * (5xx/network every time). Ends in `MessageNotSentError`, permanent or not, naming the provider.
 */
export async function withRetries<T>(
  provider: string,
  policy: RetryPolicy,
  attempt: () => Promise<T>,
): Promise<T> {
  try {
    return await retryTransient(
      policy,
      attempt,
      (error) => !(error instanceof ProviderRefusal) || error.retryable,
    );
  } catch (error) {
    if (error instanceof ProviderRefusal && !error.retryable) {
      throw new MessageNotSentError(provider, true, error.detail);
    }
    const last =
      error instanceof ProviderRefusal ? error.detail : `network error: ${(error as Error).message}`;
    throw new MessageNotSentError(provider, false, `${last} (after ${policy.tries} tries)`);
  }
}

/** Classifies an HTTP answer: 2xx passes, 4xx is final, anything else may pass on a later try. */
export async function checkResponse(response: Response): Promise<unknown> {
  const body: unknown = await response.json().catch(() => null);
  if (response.ok) return body;
  const said = (body as { message?: unknown } | null)?.message;
  const detail = `HTTP ${response.status}${typeof said === 'string' ? `: ${said.slice(0, 120)}` : ''}`;
  throw new ProviderRefusal(!(response.status >= 400 && response.status < 500), detail);
}

/** E.164 as providers accept it: `+` and 8 to 15 digits. */
export const E164 = /^\+[1-9]\d{7,14}$/;
