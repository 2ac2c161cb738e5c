import { GatewayUnavailableError } from '../../../application/shared/app-errors.js';
import { PaymentGatewayRefusal } from '../../../application/billing/ports/payment-gateway.js';
import { retryTransient, type RetryPolicy } from '../retry-transient.js';

export const DEFAULT_RETRIES: RetryPolicy = { tries: 3, delaysMs: [200, 800] };

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

const refused = (error: ProviderFailure) =>
  error.status !== null && error.status >= 400 && error.status < 500;

/**
 * Runs one provider call: a 4xx is a refusal at once (retrying cannot change the answer); a 5xx or
 * no answer is retried, then reported as the provider being unavailable.
 */
export async function withRetries<T>(policy: RetryPolicy, call: () => Promise<T>): Promise<T> {
  try {
    return await retryTransient(policy, call, (error) => error instanceof ProviderFailure && !refused(error));
  } catch (error) {
    if (!(error instanceof ProviderFailure)) throw error;
    if (refused(error)) throw new PaymentGatewayRefusal(error.status!, error.providerCode, error.description);
    throw new GatewayUnavailableError('Payment provider');
  }
}
