import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  FakeRazorpayLedger,
  type FakePaymentLink,
  type FakeRefund,
} from '../../src/adapters/gateways/razorpay/fake-razorpay-ledger.js';
import { ProviderFailure } from '../../src/adapters/gateways/razorpay/provider-retries.js';

export interface RazorpayStub {
  url: string;
  ledger: FakeRazorpayLedger;
  /** Every request received, as `METHOD /path`. */
  requests: string[];
  /** The next n requests answer 503 (a provider having a bad minute). */
  outage(requests: number): void;
  close(): Promise<void>;
}

/**
 * A local stand-in for Razorpay's HTTP API (orders, payment links, payments' refunds) in Razorpay's
 * JSON shapes and error bodies, over the same ledger the fake gateway uses, so the real SDK adapter
 * can be run against it. Checks the Basic auth the SDK sends.
 */
export async function startRazorpayStub(keyId: string, keySecret: string): Promise<RazorpayStub> {
  const ledger = new FakeRazorpayLedger(); // in memory: the stub is one process
  const requests: string[] = [];
  let failures = 0;
  const expectedAuth = `Basic ${Buffer.from(`${keyId}:${keySecret}`).toString('base64')}`;

  const server: Server = createServer((req, res) => {
    void (async () => {
      const path = new URL(req.url ?? '/', 'http://stub').pathname;
      requests.push(`${req.method} ${path}`);
      const body = await readJson(req);
      if (failures > 0) {
        failures -= 1;
        return send(res, 503, { error: { code: 'SERVER_ERROR', description: 'Service unavailable' } });
      }
      if (req.headers.authorization !== expectedAuth) {
        return send(res, 401, { error: { code: 'BAD_REQUEST_ERROR', description: 'Authentication failed' } });
      }
      try {
        send(res, 200, await route(ledger, req.method ?? 'GET', path, body));
      } catch (error) {
        if (!(error instanceof ProviderFailure)) throw error;
        send(res, error.status ?? 500, {
          error: { code: error.providerCode, description: error.description },
        });
      }
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    ledger,
    requests,
    outage: (n) => {
      failures = n;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

type Body = Record<string, any>;

async function route(ledger: FakeRazorpayLedger, method: string, path: string, body: Body): Promise<unknown> {
  let m: RegExpExecArray | null;
  if (method === 'POST' && path === '/v1/orders') {
    const order = await ledger.createOrder({
      amountPaise: body.amount,
      receipt: body.receipt,
      notes: body.notes ?? {},
    });
    return {
      id: order.id,
      entity: 'order',
      amount: order.amountPaise,
      currency: 'INR',
      receipt: order.receipt,
      status: order.status,
    };
  }
  if (method === 'POST' && path === '/v1/payment_links') {
    const link = await ledger.createLink({
      amountPaise: body.amount,
      referenceId: body.reference_id,
      description: body.description,
      customer: { name: body.customer?.name, phone: body.customer?.contact },
      expireBy: new Date(body.expire_by * 1000),
    });
    return linkJson(ledger, link);
  }
  if ((m = /^\/v1\/payment_links\/([^/]+)$/.exec(path)) && method === 'GET') {
    return linkJson(ledger, await ledger.link(m[1]!));
  }
  if ((m = /^\/v1\/payment_links\/([^/]+)\/cancel$/.exec(path)) && method === 'POST') {
    return linkJson(ledger, await ledger.cancelLink(m[1]!));
  }
  if ((m = /^\/v1\/payments\/([^/]+)\/refund$/.exec(path)) && method === 'POST') {
    return refundJson(await ledger.refund(m[1]!, body.amount));
  }
  if ((m = /^\/v1\/payments\/([^/]+)\/refunds$/.exec(path)) && method === 'GET') {
    const items = (await ledger.refundsOf(m[1]!)).map(refundJson);
    return { entity: 'collection', count: items.length, items };
  }
  throw new ProviderFailure(400, 'BAD_REQUEST_ERROR', 'The requested URL was not found on the server.');
}

async function linkJson(ledger: FakeRazorpayLedger, link: FakePaymentLink) {
  const payment = link.paymentId ? await ledger.payment(link.paymentId) : undefined;
  return {
    id: link.id,
    short_url: link.shortUrl,
    status: link.status,
    amount: link.amountPaise,
    amount_paid: payment?.amountPaise ?? 0,
    currency: 'INR',
    reference_id: link.referenceId,
    expire_by: Math.floor(link.expireBy.getTime() / 1000),
    payments: payment
      ? [{ payment_id: payment.id, amount: payment.amountPaise, method: payment.method, status: 'captured' }]
      : null,
  };
}

function refundJson(refund: FakeRefund) {
  return {
    id: refund.id,
    entity: 'refund',
    amount: refund.amountPaise,
    payment_id: refund.paymentId,
    status: refund.status,
  };
}

async function readJson(req: IncomingMessage): Promise<Body> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  return text ? (JSON.parse(text) as Body) : {};
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}
