import type { Page } from '../../shared/page.js';

export interface PaymentDetails {
  appointmentId: number;
  patientId: number;
  centreId: number;
  clinicianUserId: number;
  amountPaise: number;
  currency: string;
  /** The payment's state, or the appointment's payment status when nothing was paid through us yet. */
  status: string;
  method: string | null;
  providerPaymentId: string | null;
  orderId: string | null;
  paymentLinkId: string | null;
  paymentLinkUrl: string | null;
  paidAt: Date | null;
  refundId: string | null;
  refundedAt: Date | null;
}

export interface PaymentHistoryItem {
  appointmentId: number;
  patientId: number;
  patientName: string | null;
  clinicianName: string | null;
  centreId: number;
  amountPaise: number;
  status: string;
  method: string | null;
  providerPaymentId: string | null;
  paidAt: Date | null;
  appointmentStartAt: Date;
}

export interface PaymentHistoryFilter {
  patientId?: number | undefined;
  appointmentId?: number | undefined;
  /** A staff caller's reach: a centre id, or every centre. */
  centreId?: number | undefined;
  status?: string | undefined;
  /** Local dates (YYYY-MM-DD) at the centre, inclusive, of the payment (or of the booking if unpaid). */
  startDate?: string | undefined;
  endDate?: string | undefined;
  page: number;
  limit: number;
}

export interface PaymentReads {
  details(appointmentId: number): Promise<PaymentDetails | null>;
  history(filter: PaymentHistoryFilter): Promise<Page<PaymentHistoryItem>>;
}
