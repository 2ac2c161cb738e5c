/**
 * What happened to an appointment's payment, for the other contexts to react to (messages to the
 * patient, the appointment's status). Plain JSON: the events travel through the outbox.
 */
export type PaymentEvent =
  | { type: 'PaymentCaptured'; appointmentId: number; providerPaymentId: string; amountPaise: number }
  | {
      type: 'PaymentLinkCreated';
      appointmentId: number;
      linkId: string;
      shortUrl: string;
      amountPaise: number;
      /** ISO instant. */
      expiresAt: string;
    }
  | {
      /** The provider accepted a refund (it may still be processing). */
      type: 'PaymentRefunded';
      appointmentId: number;
      refundId: string;
      amountPaise: number;
      /** CANCELLED: the appointment was cancelled; SLOT_TAKEN: paid after its hold ran out and the slot was gone. */
      reason: 'CANCELLED' | 'SLOT_TAKEN';
    };
