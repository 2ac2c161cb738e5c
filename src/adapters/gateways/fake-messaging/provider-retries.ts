import { MessageNotSentError } from '../../../application/messaging/ports/outbound-message.js';

/** How a messaging adapter retries one send: every adapter, fake or real, uses this one policy. */
export interface RetryPolicy {
  /** Tries per send, the first included. */
  tries: number;
  /** Waits before the 2nd, 3rd… try (the last value repeats). */
  backoffMs: readonly number[];
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { tries: 3, backoffMs: [250, 1000] };

/** One try's failure: `retryable` for 5xx, timeouts and network errors; not for 4xx. */
export class ProviderRefusal extends Error {
  constructor(
    readonly retryable: boolean,
    readonly detail: string,
  ) {
    super(detail);
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs `attempt` until it succeeds, a try is refused for good (4xx: no retry), or the tries run out
 * (5xx/network every time). Ends in `MessageNotSentError`, permanent or not, naming the provider.
 */
export async function withRetries<T>(
  provider: string,
  policy: RetryPolicy,
  attempt: () => Promise<T>,
): Promise<T> {
  let last = 'no try made';
  for (let n = 1; n <= policy.tries; n += 1) {
    if (n > 1) await sleep(policy.backoffMs[Math.min(n - 2, policy.backoffMs.length - 1)] ?? 0);
    try {
      return await attempt();
    } catch (error) {
      if (error instanceof ProviderRefusal && !error.retryable) {
        throw new MessageNotSentError(provider, true, error.detail);
      }
      last = error instanceof ProviderRefusal ? error.detail : `network error: ${(error as Error).message}`;
    }
  }
  throw new MessageNotSentError(provider, false, `${last} (after ${policy.tries} tries)`);
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
