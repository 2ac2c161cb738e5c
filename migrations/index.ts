import { Migration20261125000001Identity } from './Migration20261125000001Identity.js';
import { Migration20261125000002Centres } from './Migration20261125000002Centres.js';
import { Migration20261125000003Clinicians } from './Migration20261125000003Clinicians.js';
import { Migration20261125000004Appointments } from './Migration20261125000004Appointments.js';
import { Migration20261125000005AppointmentPayments } from './Migration20261125000005AppointmentPayments.js';
import { Migration20261125000006Outbox } from './Migration20261125000006Outbox.js';

/** Every migration, in order: listed statically because glob discovery fails under vitest. */
export const migrationsList = [
  { name: 'Migration20261125000001Identity', class: Migration20261125000001Identity },
  { name: 'Migration20261125000002Centres', class: Migration20261125000002Centres },
  { name: 'Migration20261125000003Clinicians', class: Migration20261125000003Clinicians },
  { name: 'Migration20261125000004Appointments', class: Migration20261125000004Appointments },
  { name: 'Migration20261125000005AppointmentPayments', class: Migration20261125000005AppointmentPayments },
  { name: 'Migration20261125000006Outbox', class: Migration20261125000006Outbox },
];
