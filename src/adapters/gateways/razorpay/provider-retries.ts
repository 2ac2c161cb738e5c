import { GatewayUnavailableError } from '../../../application/shared/app-errors.js';
import { PaymentGatewayRefusal } from '../../../application/billing/ports/payment-gateway.js';

/** How often and how soon a call is tried again after a 5xx or no answer. */
export interface RetryPolicy {
  attempts: number;
  /** Milliseconds before retry n (the last value repeats). */
  delaysMs: readonly number[];
}

export const DEFAULT_RETRIES: RetryPolicy = { attempts: 3, delaysMs: [200, 800] };

/** A provider failure as both gateways describe it: an HTTP status, or none when nothing answered. */
export class ProviderFailure extends Error {
  constructor(
    readonly status: number | null,
    readonly providerCode = 'SERVER_ERROR',
    readonly description = 'no answer',
  ) {
    super(`payment provider ${status ?? 'unreachable'}: ${description}`);
  }
}

/**
 * Runs one provider call: a 4xx is a refusal at once (retrying cannot change the answer); a 5xx or
 * no answer is retried, then reported as the provider being unavailable.
 */
export async function withRetries<T>(policy: RetryPolicy, call: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await call();
    } catch (error) {
      if (!(error instanceof ProviderFailure)) throw error;
      if (error.status !== null && error.status >= 400 && error.status < 500) {
        throw new PaymentGatewayRefusal(error.status, error.providerCode, error.description);
      }
      if (attempt >= policy.attempts) throw new GatewayUnavailableError('Payment provider');
      const delay = policy.delaysMs[Math.min(attempt - 1, policy.delaysMs.length - 1)] ?? 0;
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
}
