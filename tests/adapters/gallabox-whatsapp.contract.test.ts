import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DevOutbox, DevOutboxSender } from '../../src/adapters/gateways/fake-messaging/dev-outbox.js';
import { GallaboxWhatsAppSender } from '../../src/adapters/gateways/gallabox/gallabox-whatsapp-sender.js';
import {
  type OutboundMessage,
  type WhatsAppSender,
} from '../../src/application/messaging/ports/outbound-message.js';
import { randomPhone } from '../support/builders.js';
import { GallaboxStub } from '../support/gallabox-stub.js';
import { startTestApi, type TestApi } from '../support/test-api.js';
import { refusal } from '../support/message-refusal.js';

const policy = { tries: 3, delaysMs: [0] };
const TEMPLATES = { appointment_confirmation: 'mibo_confirm_v2', otp: 'mibo_otp' };

/** One adapter under the shared contract: how to make the provider fail, and what it received. */
interface Subject {
  sender: WhatsAppSender;
  failNext(count: number, kind: 'server' | 'client'): void;
  tries(): number;
  delivered(to: string): Promise<number>;
}

let t: TestApi;
let stub: GallaboxStub;
beforeAll(async () => {
  t = await startTestApi();
  stub = await new GallaboxStub().start();
});
afterAll(async () => {
  await stub?.stop();
  await t?.close();
});

const subjects: Record<string, () => Subject> = {
  'fake (dev outbox)': () => {
    const outbox = new DevOutbox(t.api.infra.orm);
    const sender = new DevOutboxSender(outbox, 'whatsapp', policy);
    return {
      sender,
      failNext: (count, kind) => sender.failNext(count, kind),
      tries: () => sender.tries,
      delivered: async (to) => (await outbox.list(to)).length,
    };
  },
  'Gallabox on a local stub': () => {
    const before = stub.requests.length;
    const sender = new GallaboxWhatsAppSender(
      {
        baseUrl: stub.url,
        apiKey: stub.apiKey,
        apiSecret: stub.apiSecret,
        channelId: stub.channelId,
        templates: TEMPLATES,
      },
      policy,
    );
    return {
      sender,
      failNext: (count, kind) => stub.failNext(count, kind === 'server' ? 503 : 400),
      tries: () => stub.requests.length - before,
      delivered: (to) => Promise.resolve(stub.accepted.filter((m) => `+${m.phone}` === to).length),
    };
  },
};

const message = (to: string, over: Partial<OutboundMessage> = {}): OutboundMessage => ({
  to,
  template: 'appointment_confirmation',
  text: 'Hello Jane, your appointment is confirmed.',
  params: { name: 'Jane', date: 'Monday, 7 Dec 2026', time: '3:30 PM' },
  ...over,
});

describe.each(Object.keys(subjects))('WhatsApp sender contract: %s', (name) => {
  let s: Subject;
  beforeEach(() => {
    s = subjects[name]!();
  });

  it('delivers a message once and answers a provider id, a new one for each message', async () => {
    const to = randomPhone();
    const first = await s.sender.send(message(to));
    const second = await s.sender.send(message(to));
    expect(first.providerMessageId).toMatch(/\S+/);
    expect(second.providerMessageId).not.toBe(first.providerMessageId);
    expect(s.tries()).toBe(2);
    expect(await s.delivered(to)).toBe(2);
  });

  it('retries a 5xx and delivers once when a later try succeeds', async () => {
    const to = randomPhone();
    s.failNext(2, 'server');
    await s.sender.send(message(to));
    expect(s.tries()).toBe(3);
    expect(await s.delivered(to)).toBe(1);
  });

  it('gives up after its tries on 5xx with a retryable error, delivering nothing', async () => {
    const to = randomPhone();
    s.failNext(3, 'server');
    const error = await refusal(s.sender.send(message(to)));
    expect(error.permanent).toBe(false);
    expect(error.code).toBe('GATEWAY_UNAVAILABLE');
    expect(s.tries()).toBe(3);
    expect(await s.delivered(to)).toBe(0);
  });

  it('does not retry a 4xx: a permanent error after one try; the next message goes through', async () => {
    const to = randomPhone();
    s.failNext(1, 'client');
    const error = await refusal(s.sender.send(message(to)));
    expect(error.permanent).toBe(true);
    expect(s.tries()).toBe(1);
    expect(await s.delivered(to)).toBe(0);
    await s.sender.send(message(to));
    expect(await s.delivered(to)).toBe(1);
  });

  it('refuses a malformed number for good', async () => {
    const error = await refusal(s.sender.send(message('12345')));
    expect(error.permanent).toBe(true);
  });
});

describe('Gallabox request', () => {
  it('sends the approved template with named body values, keys in headers, the number without +', async () => {
    const sender = new GallaboxWhatsAppSender(
      {
        baseUrl: stub.url,
        apiKey: stub.apiKey,
        apiSecret: stub.apiSecret,
        channelId: stub.channelId,
        templates: TEMPLATES,
      },
      policy,
    );
    const to = randomPhone();
    const { providerMessageId } = await sender.send(message(to));
    const last = stub.requests.at(-1)!;
    expect(last.headers.apikey).toBe(stub.apiKey);
    expect(last.headers.apisecret).toBe(stub.apiSecret);
    expect(last.body).toEqual({
      channelId: stub.channelId,
      channelType: 'whatsapp',
      recipient: { name: 'Jane', phone: to.slice(1) },
      whatsapp: {
        type: 'template',
        template: {
          templateName: 'mibo_confirm_v2',
          bodyValues: { name: 'Jane', date: 'Monday, 7 Dec 2026', time: '3:30 PM' },
        },
      },
    });
    expect(stub.accepted.at(-1)!.id).toBe(providerMessageId);
  });

  it('refuses, without calling Gallabox, a template it has no approved name for; a wrong key is a 4xx', async () => {
    const before = stub.requests.length;
    const sender = new GallaboxWhatsAppSender(
      {
        baseUrl: stub.url,
        apiKey: 'wrong',
        apiSecret: 'wrong',
        channelId: stub.channelId,
        templates: TEMPLATES,
      },
      policy,
    );
    expect(
      (await refusal(sender.send(message(randomPhone(), { template: 'payment_refund' })))).permanent,
    ).toBe(true);
    expect(stub.requests.length).toBe(before);
    const wrongKey = await refusal(sender.send(message(randomPhone())));
    expect(wrongKey.permanent).toBe(true);
    expect(wrongKey.detail).toContain('401');
    expect(stub.requests.length).toBe(before + 1);
  });

  it('treats an unreachable Gallabox as retryable', async () => {
    const sender = new GallaboxWhatsAppSender(
      { baseUrl: 'http://127.0.0.1:1', apiKey: 'k', apiSecret: 's', channelId: 'c', templates: TEMPLATES },
      policy,
    );
    expect((await refusal(sender.send(message(randomPhone())))).permanent).toBe(false);
  });
});

describe('dev outbox idempotency', () => {
  it('records a given idempotency key once and answers the same id again', async () => {
    const outbox = new DevOutbox(t.api.infra.orm);
    const sender = new DevOutboxSender(outbox, 'whatsapp', policy);
    const to = randomPhone();
    const key = `notification:${Date.now()}`;
    const first = await sender.send(message(to, { idempotencyKey: key }));
    const again = await sender.send(message(to, { idempotencyKey: key }));
    expect(again.providerMessageId).toBe(first.providerMessageId);
    expect(await outbox.list(to)).toHaveLength(1);
  });
});
