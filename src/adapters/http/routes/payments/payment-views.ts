import * as v from 'valibot';
import type {
  PaymentDetails,
  PaymentHistoryItem,
} from '../../../../application/billing/ports/payment-reads.js';
import { paiseToRupees } from '../../../../domain/shared/money.js';

const when = (date: Date | null) => date?.toISOString() ?? null;

export const PaymentDetailsData = v.object({
  appointmentId: v.number(),
  amount: v.number(),
  currency: v.string(),
  status: v.string(),
  paymentMethod: v.nullable(v.string()),
  transactionId: v.nullable(v.string()),
  paidAt: v.nullable(v.string()),
  orderId: v.nullable(v.string()),
  paymentLinkId: v.nullable(v.string()),
  paymentLink: v.nullable(v.string()),
  refundId: v.nullable(v.string()),
  refundedAt: v.nullable(v.string()),
});

export function paymentDetailsView(d: PaymentDetails): v.InferOutput<typeof PaymentDetailsData> {
  return {
    appointmentId: d.appointmentId,
    amount: paiseToRupees(d.amountPaise),
    currency: d.currency,
    status: d.status,
    paymentMethod: d.method,
    transactionId: d.providerPaymentId,
    paidAt: when(d.paidAt),
    orderId: d.orderId,
    paymentLinkId: d.paymentLinkId,
    paymentLink: d.paymentLinkUrl,
    refundId: d.refundId,
    refundedAt: when(d.refundedAt),
  };
}

export const PaymentHistoryData = v.array(
  v.object({
    appointmentId: v.number(),
    clinicianName: v.nullable(v.string()),
    patientId: v.number(),
    patientName: v.nullable(v.string()),
    centreId: v.number(),
    amount: v.number(),
    status: v.string(),
    paymentMethod: v.nullable(v.string()),
    transactionId: v.nullable(v.string()),
    paidAt: v.nullable(v.string()),
    appointmentAt: v.string(),
  }),
);

export function paymentHistoryView(item: PaymentHistoryItem) {
  return {
    appointmentId: item.appointmentId,
    clinicianName: item.clinicianName,
    patientId: item.patientId,
    patientName: item.patientName,
    centreId: item.centreId,
    amount: paiseToRupees(item.amountPaise),
    status: item.status,
    paymentMethod: item.method,
    transactionId: item.providerPaymentId,
    paidAt: when(item.paidAt),
    appointmentAt: item.appointmentStartAt.toISOString(),
  };
}
