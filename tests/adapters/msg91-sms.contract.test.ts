import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DevOutbox, DevOutboxSender } from '../../src/adapters/gateways/fake-messaging/dev-outbox.js';
import { Msg91SmsSender } from '../../src/adapters/gateways/msg91/msg91-sms-sender.js';
import { type SmsSender } from '../../src/application/messaging/ports/outbound-message.js';
import { otpMessage } from '../../src/application/identity/otp-message.js';
import { randomPhone } from '../support/builders.js';
import { Msg91Stub } from '../support/msg91-stub.js';
import { startTestApi, type TestApi } from '../support/test-api.js';
import { refusal } from '../support/message-refusal.js';

const policy = { tries: 3, delaysMs: [0] };

interface Subject {
  sender: SmsSender;
  failNext(count: number, kind: 'server' | 'client'): void;
  tries(): number;
  delivered(to: string): Promise<number>;
}

let t: TestApi;
let stub: Msg91Stub;
beforeAll(async () => {
  t = await startTestApi();
  stub = await new Msg91Stub().start();
});
afterAll(async () => {
  await stub?.stop();
  await t?.close();
});

const msg91 = (over: Partial<{ authKey: string; templateId: string; baseUrl: string }> = {}) =>
  new Msg91SmsSender(
    { baseUrl: stub.url, authKey: stub.authKey, templateId: stub.templateId, ...over },
    policy,
  );

const subjects: Record<string, () => Subject> = {
  'fake (dev outbox)': () => {
    const outbox = new DevOutbox(t.api.infra.orm);
    const sender = new DevOutboxSender(outbox, 'sms', policy);
    return {
      sender,
      failNext: (count, kind) => sender.failNext(count, kind),
      tries: () => sender.tries,
      delivered: async (to) => (await outbox.list(to)).length,
    };
  },
  'MSG91 on a local stub': () => {
    const before = stub.requests.length;
    return {
      sender: msg91(),
      failNext: (count, kind) => stub.failNext(count, kind === 'server' ? 502 : 400),
      tries: () => stub.requests.length - before,
      delivered: (to) => Promise.resolve(stub.accepted.filter((m) => `+${m.mobiles}` === to).length),
    };
  },
};

describe.each(Object.keys(subjects))('SMS sender contract: %s', (name) => {
  let s: Subject;
  beforeEach(() => {
    s = subjects[name]!();
  });

  it('delivers an OTP once and answers a provider id, a new one for each message', async () => {
    const to = randomPhone();
    const first = await s.sender.send(otpMessage(to, '123456'));
    const second = await s.sender.send(otpMessage(to, '654321'));
    expect(first.providerMessageId).toMatch(/\S+/);
    expect(second.providerMessageId).not.toBe(first.providerMessageId);
    expect(s.tries()).toBe(2);
    expect(await s.delivered(to)).toBe(2);
  });

  it('retries a 5xx and delivers once when a later try succeeds', async () => {
    const to = randomPhone();
    s.failNext(1, 'server');
    await s.sender.send(otpMessage(to, '123456'));
    expect(s.tries()).toBe(2);
    expect(await s.delivered(to)).toBe(1);
  });

  it('gives up after its tries on 5xx with a retryable error', async () => {
    const to = randomPhone();
    s.failNext(3, 'server');
    expect((await refusal(s.sender.send(otpMessage(to, '123456')))).permanent).toBe(false);
    expect(s.tries()).toBe(3);
    expect(await s.delivered(to)).toBe(0);
  });

  it('does not retry a 4xx', async () => {
    const to = randomPhone();
    s.failNext(1, 'client');
    expect((await refusal(s.sender.send(otpMessage(to, '123456')))).permanent).toBe(true);
    expect(s.tries()).toBe(1);
    expect(await s.delivered(to)).toBe(0);
  });

  it('refuses a malformed number for good', async () => {
    expect((await refusal(s.sender.send(otpMessage('+0', '123456')))).permanent).toBe(true);
  });
});

describe('MSG91 request', () => {
  it('sends the flow template with the code as a variable and the number without +', async () => {
    const to = randomPhone();
    await msg91().send(otpMessage(to, '246810'));
    const last = stub.requests.at(-1)!;
    expect(last.headers.authkey).toBe(stub.authKey);
    expect(last.body).toMatchObject({
      template_id: stub.templateId,
      recipients: [{ mobiles: to.slice(1), code: '246810', minutes: '5' }],
    });
  });

  it('takes a 200 with type "error" and a wrong key as final refusals, and sends OTPs only', async () => {
    const before = stub.requests.length;
    const wrongTemplate = await refusal(
      msg91({ templateId: 'nope' }).send(otpMessage(randomPhone(), '111111')),
    );
    expect(wrongTemplate.permanent).toBe(true);
    expect(wrongTemplate.detail).toContain('Invalid template');
    expect(
      (await refusal(msg91({ authKey: 'bad' }).send(otpMessage(randomPhone(), '111111')))).permanent,
    ).toBe(true);
    expect(stub.requests.length).toBe(before + 2);
    const notOtp = await refusal(
      msg91().send({ ...otpMessage(randomPhone(), '1'), template: 'payment_link' }),
    );
    expect(notOtp.permanent).toBe(true);
    expect(stub.requests.length).toBe(before + 2);
  });
});
