import { expect } from 'vitest';
import { FakeRazorpayGateway } from '../../src/adapters/gateways/razorpay/fake-razorpay-gateway.js';
import { T } from '../../src/bootstrap/tokens.js';
import type { StaffRoleName } from '../../src/domain/identity/role.js';
import type { LocalDate } from '../../src/domain/scheduling/local-date.js';
import { wallClockOf } from '../../src/domain/scheduling/time-zone.js';
import { patientLogin, randomPhone, seedStaff, staffLogin } from './builders.js';
import type { TestApi } from './test-api.js';

/** The first Monday at least three days ahead in the zone: beyond any notice, within the horizon. */
export function nextMonday(zone: string): LocalDate {
  let date = wallClockOf(new Date(), zone).date.addDays(3);
  while (date.dayOfWeek() !== 'MONDAY') date = date.addDays(1);
  return date;
}

/** A clinician made through the API, seeing patients at the centre on Mondays 09:00–13:00 (four hour slots). */
export async function mondayClinician(
  t: TestApi,
  admin: string,
  centreId: number,
  feeRupees = 1500,
): Promise<number> {
  const created = await t.request('POST', '/api/clinicians', {
    token: admin,
    body: {
      fullName: 'Dr. Meera Iyer',
      phone: randomPhone(),
      password: 'Clinician-Pass-1',
      primaryCentreId: centreId,
      consultationFee: feeRupees,
      defaultConsultationDurationMinutes: 60,
    },
  });
  expect(created.status).toBe(201);
  const id: number = created.body.data.id;
  const rules = await t.request('PUT', `/api/clinicians/${id}/availability`, {
    token: admin,
    body: { availabilityRules: [{ dayOfWeek: 'MONDAY', startTime: '09:00', endTime: '13:00', centreId }] },
  });
  expect(rules.status).toBe(200);
  return id;
}

export async function staffToken(t: TestApi, role: StaffRoleName, centreId: number | null = null) {
  const staff = await seedStaff(t, { role, centreId });
  return { id: staff.id, token: (await staffLogin(t, staff)).accessToken };
}

export async function patientToken(t: TestApi, fullName = 'Test Patient') {
  const login = await patientLogin(t, randomPhone(), fullName);
  return { id: login.patient.id, phone: login.phone, token: login.accessToken };
}

export function fakeRazorpay(t: TestApi): FakeRazorpayGateway {
  const gateway = t.api.container.get(T.PaymentGateway);
  if (!(gateway instanceof FakeRazorpayGateway)) throw new Error('tests run with the fake Razorpay');
  return gateway;
}

/** Raw rows, for what the API does not show (history, who set a fee, hold expiry). */
export function sql<R = Record<string, unknown>>(
  t: TestApi,
  query: string,
  params: unknown[] = [],
): Promise<R[]> {
  return t.inContext(() => t.api.infra.orm.em.getConnection().execute(query, params));
}

/** Posts a webhook event signed as Razorpay signs it (with the fake's webhook secret). */
export async function deliverWebhook(
  t: TestApi,
  event: { event: string; payload: object },
  options: { eventId?: string; signature?: string } = {},
) {
  const rawBody = JSON.stringify({ entity: 'event', account_id: 'acc_Test', contains: [], ...event });
  const signature = options.signature ?? fakeRazorpay(t).signatures.webhook(rawBody);
  return t.request('POST', '/api/payments/webhook', {
    rawBody,
    headers: {
      'x-razorpay-signature': signature,
      'x-razorpay-event-id': options.eventId ?? `evt_${Math.random().toString(36).slice(2)}`,
    },
  });
}

/** Razorpay's payment entity as webhooks carry it. */
export function paymentEntity(fields: {
  id: string;
  amount: number;
  order_id?: string | null;
  status?: string;
  method?: string;
}) {
  return {
    payment: {
      entity: {
        entity: 'payment',
        currency: 'INR',
        method: 'upi',
        status: 'captured',
        order_id: null,
        ...fields,
      },
    },
  };
}
