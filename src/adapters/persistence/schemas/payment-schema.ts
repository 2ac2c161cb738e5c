import { EntitySchema } from '@mikro-orm/core';
import { Payment } from '../../../domain/billing/payment.js';

// The domain class keeps a private constructor; MikroORM only needs it as a prototype to hydrate.
type Mapped<T> = new () => T;

export const PaymentSchema = new EntitySchema<Payment>({
  class: Payment as unknown as Mapped<Payment>,
  tableName: 'payments',
  properties: {
    id: { type: 'integer', primary: true, autoincrement: true },
    appointmentId: { type: 'integer', unique: 'payments_appointment_unique' },
    patientId: { type: 'integer' },
    centreId: { type: 'integer' },
    amountPaise: { type: 'integer' },
    currency: { type: 'text' },
    status: { type: 'text' },
    orderId: { type: 'text', nullable: true },
    linkId: { type: 'text', nullable: true },
    linkUrl: { type: 'text', nullable: true },
    linkExpiresAt: { type: 'Date', columnType: 'timestamptz', nullable: true },
    providerPaymentId: { type: 'text', nullable: true, unique: 'payments_provider_payment_unique' },
    method: { type: 'text', nullable: true },
    paidAt: { type: 'Date', columnType: 'timestamptz', nullable: true },
    failureReason: { type: 'text', nullable: true },
    refundId: { type: 'text', nullable: true },
    refundReason: { type: 'text', nullable: true },
    refundedAt: { type: 'Date', columnType: 'timestamptz', nullable: true },
    createdAt: { type: 'Date', columnType: 'timestamptz' },
    updatedAt: { type: 'Date', columnType: 'timestamptz' },
  },
});
