import { EntitySchema } from '@mikro-orm/core';
import { Centre } from '../../../domain/scheduling/centre.js';

// The domain class keeps a private constructor; MikroORM only needs it as a prototype to hydrate.
type Mapped<T> = new () => T;

export const CentreSchema = new EntitySchema<Centre>({
  class: Centre as unknown as Mapped<Centre>,
  tableName: 'centres',
  properties: {
    id: { type: 'integer', primary: true, autoincrement: true },
    name: { type: 'text' },
    city: { type: 'text' },
    address: { type: 'text' },
    phone: { type: 'text', nullable: true },
    email: { type: 'text', nullable: true },
    timezone: { type: 'text' },
    isActive: { type: 'boolean' },
    deletedAt: { type: 'Date', columnType: 'timestamptz', nullable: true },
    createdAt: { type: 'Date', columnType: 'timestamptz' },
    updatedAt: { type: 'Date', columnType: 'timestamptz' },
  },
});
