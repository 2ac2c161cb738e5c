import { Migration20261125000001Identity } from './Migration20261125000001Identity.js';
import { Migration20261125000002Centres } from './Migration20261125000002Centres.js';
import { Migration20261125000003Clinicians } from './Migration20261125000003Clinicians.js';
import { Migration20261125000004Appointments } from './Migration20261125000004Appointments.js';
import { Migration20261125000005AppointmentPayments } from './Migration20261125000005AppointmentPayments.js';
import { Migration20261125000006Outbox } from './Migration20261125000006Outbox.js';
import { Migration20261125000007Payments } from './Migration20261125000007Payments.js';
import { Migration20261125000008Notifications } from './Migration20261125000008Notifications.js';
import { Migration20261125000009VideoMeetings } from './Migration20261125000009VideoMeetings.js';
import { Migration20261125000010StaffManagement } from './Migration20261125000010StaffManagement.js';
import { Migration20261125000011ClinicalRecords } from './Migration20261125000011ClinicalRecords.js';
import { Migration20261125000012SlotChangeNotifications } from './Migration20261125000012SlotChangeNotifications.js';
import { Migration20261125000013Ratings } from './Migration20261125000013Ratings.js';
import { Migration20261125000014FakeRazorpayLedger } from './Migration20261125000014FakeRazorpayLedger.js';

/** Every migration, in order: listed statically because glob discovery fails under vitest. */
export const migrationsList = [
  { name: 'Migration20261125000001Identity', class: Migration20261125000001Identity },
  { name: 'Migration20261125000002Centres', class: Migration20261125000002Centres },
  { name: 'Migration20261125000003Clinicians', class: Migration20261125000003Clinicians },
  { name: 'Migration20261125000004Appointments', class: Migration20261125000004Appointments },
  { name: 'Migration20261125000005AppointmentPayments', class: Migration20261125000005AppointmentPayments },
  { name: 'Migration20261125000006Outbox', class: Migration20261125000006Outbox },
  { name: 'Migration20261125000007Payments', class: Migration20261125000007Payments },
  { name: 'Migration20261125000008Notifications', class: Migration20261125000008Notifications },
  { name: 'Migration20261125000009VideoMeetings', class: Migration20261125000009VideoMeetings },
  { name: 'Migration20261125000010StaffManagement', class: Migration20261125000010StaffManagement },
  { name: 'Migration20261125000011ClinicalRecords', class: Migration20261125000011ClinicalRecords },
  {
    name: 'Migration20261125000012SlotChangeNotifications',
    class: Migration20261125000012SlotChangeNotifications,
  },
  { name: 'Migration20261125000013Ratings', class: Migration20261125000013Ratings },
  { name: 'Migration20261125000014FakeRazorpayLedger', class: Migration20261125000014FakeRazorpayLedger },
];
