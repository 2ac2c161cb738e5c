/** Amounts are integer paise, as the provider takes them. */
export interface NewOrder {
  amountPaise: number;
  /** Our reference for the order (at most 40 characters, as Razorpay allows). */
  receipt: string;
  notes: Record<string, string>;
}

export interface NewPaymentLink {
  amountPaise: number;
  /** Ties the link back to us: the appointment id (Razorpay signs it into the callback). */
  referenceId: string;
  description: string;
  customer: { name: string; phone: string };
  expireBy: Date;
}

/**
 * The payment provider (Razorpay, or its fake). Every failure to reach it or to be answered throws
 * `GatewayUnavailableError('Payment provider')`, so callers can tell "nothing was created" apart.
 */
export interface PaymentGateway {
  createOrder(order: NewOrder): Promise<{ orderId: string }>;
  createPaymentLink(link: NewPaymentLink): Promise<{ linkId: string; shortUrl: string }>;
}
