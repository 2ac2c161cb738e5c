import { randomBytes } from 'node:crypto';
import type { Container } from 'inversify';
import type { MikroORM } from '@mikro-orm/postgresql';
import { FakeRazorpayGateway } from '../../adapters/gateways/razorpay/fake-razorpay-gateway.js';
import { base62, FakeRazorpayLedger } from '../../adapters/gateways/razorpay/fake-razorpay-ledger.js';
import { RazorpaySdkGateway } from '../../adapters/gateways/razorpay/razorpay-sdk-gateway.js';
import { SqlFakeRazorpayStore } from '../../adapters/gateways/razorpay/sql-fake-razorpay-store.js';
import type { RazorpayKeys } from '../../adapters/gateways/razorpay/razorpay-signatures.js';
import { paymentCommandRoutes } from '../../adapters/http/routes/payments/payment-command-routes.js';
import { paymentReadRoutes } from '../../adapters/http/routes/payments/payment-read-routes.js';
import { PlatformSettings } from '../../adapters/persistence/platform-settings.js';
import { SqlPaymentReads } from '../../adapters/persistence/reads/payment-reads.js';
import {
  MikroPaymentRepository,
  SqlWebhookEventLog,
} from '../../adapters/persistence/repositories/mikro-payment-repository.js';
import { billingReactions } from '../../application/billing/billing-reactions.js';
import { CreateOrderHandler } from '../../application/billing/commands/create-order.js';
import { CreatePaymentLinkHandler } from '../../application/billing/commands/create-payment-link.js';
import { HandleWebhookHandler } from '../../application/billing/commands/handle-webhook.js';
import { VerifyCheckoutHandler } from '../../application/billing/commands/verify-checkout.js';
import { VerifyPaymentLinkHandler } from '../../application/billing/commands/verify-payment-link.js';
import { CancelPaymentLinkJob } from '../../application/billing/jobs/cancel-payment-link.js';
import { ExpireHoldJob } from '../../application/billing/jobs/expire-hold.js';
import { RefundExtraPaymentJob } from '../../application/billing/jobs/refund-extra-payment.js';
import { RefundPaymentJob } from '../../application/billing/jobs/refund-payment.js';
import { PaymentCapture } from '../../application/billing/payment-capture.js';
import { GetPaymentHandler } from '../../application/billing/queries/get-payment.js';
import { PaymentHistoryHandler } from '../../application/billing/queries/payment-history.js';
import { PaymentLinkOpener } from '../../application/booking/payment-link-opener.js';
import type { Config } from '../config.js';
import { T } from '../tokens.js';

/** Which payment adapter runs (for the start-up log line). */
export function paymentAdapterLabel(config: Config): string {
  return config.env.RAZORPAY_KEY_ID
    ? 'Razorpay (SDK)'
    : 'fake Razorpay (orders, payment links, refunds; signatures as Razorpay)';
}

/**
 * Razorpay's keys from the environment; without them the fake's, generated once and kept in the
 * database like the JWT secrets, so every process verifies the same signatures and restarts keep them.
 */
export async function razorpayKeysOf(config: Config, orm: MikroORM): Promise<RazorpayKeys> {
  const { RAZORPAY_KEY_ID, RAZORPAY_KEY_SECRET, RAZORPAY_WEBHOOK_SECRET } = config.env;
  if (RAZORPAY_KEY_ID && RAZORPAY_KEY_SECRET && RAZORPAY_WEBHOOK_SECRET) {
    return { keyId: RAZORPAY_KEY_ID, keySecret: RAZORPAY_KEY_SECRET, webhookSecret: RAZORPAY_WEBHOOK_SECRET };
  }
  const settings = new PlatformSettings(orm);
  const secret = () => randomBytes(32).toString('base64url');
  return {
    keyId: await settings.getOrCreate('razorpay_fake_key_id', () => `rzp_test_${base62(14)}`),
    keySecret: await settings.getOrCreate('razorpay_fake_key_secret', secret),
    webhookSecret: await settings.getOrCreate('razorpay_fake_webhook_secret', secret),
  };
}

/** Billing: the payment gateway (real when keys are set), payments, their routes, jobs and reactions. */
export function bindBilling(c: Container, config: Config): void {
  c.bind(T.PaymentGateway)
    .toDynamicValue((x) =>
      config.env.RAZORPAY_KEY_ID
        ? new RazorpaySdkGateway(x.get(T.RazorpayKeys))
        : new FakeRazorpayGateway(
            x.get(T.RazorpayKeys),
            undefined,
            // In the database, so API processes and the worker see the same fake provider.
            new FakeRazorpayLedger(new SqlFakeRazorpayStore(x.get(T.Orm))),
          ),
    )
    .inSingletonScope();
  c.bind(T.Payments)
    .toDynamicValue((x) => new MikroPaymentRepository(x.get(T.Em)))
    .inSingletonScope();
  c.bind(T.WebhookEventLog)
    .toDynamicValue((x) => new SqlWebhookEventLog(x.get(T.Em)))
    .inSingletonScope();
  c.bind(T.PaymentReads)
    .toDynamicValue((x) => new SqlPaymentReads(x.get(T.Em)))
    .inSingletonScope();
  c.bind(T.PaymentCapture)
    .toDynamicValue(
      (x) =>
        new PaymentCapture(
          x.get(T.Payments),
          x.get(T.UnitOfWork),
          x.get(T.Clock),
          x.get(T.EventRecorder),
          x.get(T.Outbox),
        ),
    )
    .inSingletonScope();
  c.bind(T.ExpireHold)
    .toDynamicValue(
      (x) =>
        new ExpireHoldJob(x.get(T.Payments), x.get(T.UnitOfWork), x.get(T.Clock), x.get(T.EventRecorder)),
    )
    .inSingletonScope();
  bindCommands(c, config);
  c.bind(T.GetPayment)
    .toDynamicValue((x) => new GetPaymentHandler(x.get(T.PaymentReads)))
    .inSingletonScope();
  c.bind(T.PaymentHistory)
    .toDynamicValue((x) => new PaymentHistoryHandler(x.get(T.PaymentReads)))
    .inSingletonScope();
  c.bind(T.PaymentLinkOpener)
    .toDynamicValue((x) => new PaymentLinkOpener(x.get(T.CreatePaymentLink)))
    .inSingletonScope();
  for (const reaction of billingReactions) c.bind(T.Reactions).toConstantValue(reaction);
  bindJobHandlers(c);
  c.bind(T.RouteGroups)
    .toDynamicValue((x) =>
      paymentCommandRoutes({
        createOrder: x.get(T.CreateOrder),
        verifyCheckout: x.get(T.VerifyCheckout),
        createLink: x.get(T.CreatePaymentLink),
        webhook: x.get(T.HandleWebhook),
      }),
    )
    .inSingletonScope();
  c.bind(T.RouteGroups)
    .toDynamicValue((x) =>
      paymentReadRoutes({
        details: x.get(T.GetPayment),
        history: x.get(T.PaymentHistory),
        verifyLink: x.get(T.VerifyPaymentLink),
        authenticate: (token) => x.get(T.AuthenticateCaller).execute(token),
      }),
    )
    .inSingletonScope();
}

function bindCommands(c: Container, config: Config): void {
  c.bind(T.CreateOrder)
    .toDynamicValue(
      (x) =>
        new CreateOrderHandler(
          x.get(T.Payments),
          x.get(T.PaymentGateway),
          x.get(T.UnitOfWork),
          x.get(T.Clock),
        ),
    )
    .inSingletonScope();
  c.bind(T.VerifyCheckout)
    .toDynamicValue(
      (x) =>
        new VerifyCheckoutHandler(
          x.get(T.Payments),
          x.get(T.PaymentGateway),
          x.get(T.PaymentCapture),
          x.get(T.UnitOfWork),
        ),
    )
    .inSingletonScope();
  c.bind(T.HandleWebhook)
    .toDynamicValue(
      (x) =>
        new HandleWebhookHandler(
          x.get(T.PaymentGateway),
          x.get(T.Payments),
          x.get(T.WebhookEventLog),
          x.get(T.PaymentCapture),
          x.get(T.ExpireHold),
          x.get(T.UnitOfWork),
          x.get(T.Clock),
          x.get(T.EventRecorder),
        ),
    )
    .inSingletonScope();
  c.bind(T.CreatePaymentLink)
    .toDynamicValue(
      (x) =>
        new CreatePaymentLinkHandler(
          x.get(T.Payments),
          x.get(T.Patients),
          x.get(T.Centres),
          x.get(T.PaymentGateway),
          x.get(T.UnitOfWork),
          x.get(T.Clock),
          x.get(T.EventRecorder),
          config.env.PAYMENT_LINK_EXPIRY_HOURS,
        ),
    )
    .inSingletonScope();
  c.bind(T.VerifyPaymentLink)
    .toDynamicValue(
      (x) =>
        new VerifyPaymentLinkHandler(
          x.get(T.Payments),
          x.get(T.PaymentGateway),
          x.get(T.PaymentCapture),
          x.get(T.UnitOfWork),
        ),
    )
    .inSingletonScope();
}

function bindJobHandlers(c: Container): void {
  c.bind(T.JobHandlers).toDynamicValue((x) => x.get(T.ExpireHold));
  c.bind(T.JobHandlers).toDynamicValue(
    (x) =>
      new RefundPaymentJob(
        x.get(T.Payments),
        x.get(T.PaymentGateway),
        x.get(T.UnitOfWork),
        x.get(T.Clock),
        x.get(T.EventRecorder),
      ),
  );
  c.bind(T.JobHandlers).toDynamicValue((x) => new RefundExtraPaymentJob(x.get(T.PaymentGateway)));
  c.bind(T.JobHandlers).toDynamicValue(
    (x) => new CancelPaymentLinkJob(x.get(T.Payments), x.get(T.PaymentGateway), x.get(T.UnitOfWork)),
  );
}
