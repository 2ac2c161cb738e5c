import * as v from 'valibot';
import { PAYMENT_STATES } from '../../../../domain/billing/payment-status.js';
import { PAYMENT_STATUSES } from '../../../../domain/booking/appointment-status.js';
import { bodyId, idParam, localDate, pagination, phone, rupees, text } from '../../schemas/common.js';

const providerId = (prefix: string) =>
  v.pipe(
    v.string('Must be a string'),
    v.regex(new RegExp(`^${prefix}_[0-9A-Za-z]{1,40}$`), `Must be a Razorpay id starting ${prefix}_`),
  );
const signature = v.pipe(
  v.string('Must be a string'),
  v.minLength(1, 'Must not be empty'),
  v.maxLength(128, 'Too long'),
);

export const CreateOrderBody = v.strictObject({ appointmentId: bodyId, amount: rupees });

export const VerifyCheckoutBody = v.strictObject({
  razorpayOrderId: providerId('order'),
  razorpayPaymentId: providerId('pay'),
  razorpaySignature: signature,
  appointmentId: bodyId,
});

export const CreateLinkBody = v.strictObject({
  appointmentId: bodyId,
  amount: rupees,
  customerName: v.optional(text(200)),
  customerPhone: v.optional(phone),
  customerEmail: v.optional(
    v.pipe(v.string('Must be a string'), v.email('Invalid email format'), v.maxLength(254)),
  ),
});

export const AppointmentIdParams = v.strictObject({ appointmentId: idParam });
export const LinkIdParams = v.strictObject({ plinkId: providerId('plink') });

/** Razorpay's callback parameters: all four present, or none. */
export const LinkCallbackQuery = v.pipe(
  v.strictObject({
    razorpay_payment_id: v.optional(providerId('pay')),
    razorpay_payment_link_id: v.optional(providerId('plink')),
    razorpay_payment_link_reference_id: v.optional(v.pipe(v.string(), v.maxLength(40))),
    razorpay_payment_link_status: v.optional(v.pipe(v.string(), v.maxLength(20))),
    razorpay_signature: v.optional(signature),
  }),
  v.check(
    (q) =>
      q.razorpay_signature === undefined ||
      (q.razorpay_payment_id !== undefined &&
        q.razorpay_payment_link_reference_id !== undefined &&
        q.razorpay_payment_link_status !== undefined),
    'razorpay_signature needs razorpay_payment_id, razorpay_payment_link_reference_id and razorpay_payment_link_status',
  ),
);

const HISTORY_STATUSES = [...new Set([...PAYMENT_STATES, ...PAYMENT_STATUSES])];

export const HistoryQuery = v.pipe(
  v.strictObject({
    ...pagination,
    patientId: v.optional(idParam),
    appointmentId: v.optional(idParam),
    centreId: v.optional(idParam),
    status: v.optional(v.picklist(HISTORY_STATUSES, `Must be one of ${HISTORY_STATUSES.join(', ')}`)),
    startDate: v.optional(localDate),
    endDate: v.optional(localDate),
  }),
  v.check(
    (q) => !q.startDate || !q.endDate || q.startDate <= q.endDate,
    'startDate must not be after endDate',
  ),
);
