import type { Appointment } from '../../domain/booking/appointment.js';
import type { CreatePaymentLinkHandler } from '../billing/commands/create-payment-link.js';
import { GatewayUnavailableError } from '../shared/app-errors.js';

/**
 * Opens the payment link of a committed staff booking through billing, which records it on the
 * appointment and its payment and records PaymentLinkCreated (messaging sends it on WhatsApp).
 */
export class PaymentLinkOpener {
  constructor(private readonly links: CreatePaymentLinkHandler) {}

  /** The link's URL, or null when the provider is unavailable (the booking stands, unpaid). */
  async open(appointment: Appointment): Promise<string | null> {
    try {
      return (await this.links.execute({ appointmentId: appointment.id }, 'system')).shortUrl;
    } catch (error) {
      if (error instanceof GatewayUnavailableError) return null;
      throw error;
    }
  }
}
