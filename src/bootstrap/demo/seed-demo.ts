import type { Container } from 'inversify';
import { Patient } from '../../domain/identity/patient.js';
import { Roles } from '../../domain/identity/role.js';
import { StaffUser } from '../../domain/identity/staff-user.js';
import { DAYS_OF_WEEK } from '../../domain/scheduling/day-of-week.js';
import type { StaffActor } from '../../application/shared/actor.js';
import { runInScope } from '../../adapters/system/execution-scope.js';
import { T } from '../tokens.js';
import {
  DEMO_CENTRES,
  DEMO_CLINICIANS,
  DEMO_HOURS,
  DEMO_PASSWORD,
  DEMO_PATIENTS,
  DEMO_STAFF,
  type DemoCentreKey,
} from './demo-data.js';

export interface DemoLogin {
  kind: 'staff' | 'clinician' | 'patient';
  role: string;
  name: string;
  username?: string;
  phone: string;
}

/** Creates the demo clinic once (the demo admin's account marks it done) and lists its logins. */
export async function seedDemo(container: Container): Promise<{ created: boolean; logins: DemoLogin[] }> {
  const logins = demoLogins();
  const created = await runInScope('demo-seed', async () => {
    if (await container.get(T.StaffUsers).findByUsername('demo-admin')) return false;
    const passwordHash = await container.get(T.SecretHasher).hash(DEMO_PASSWORD);
    const centres = new Map<DemoCentreKey, number>();
    for (const { key, ...centre } of DEMO_CENTRES) {
      centres.set(key, (await container.get(T.CreateCentre).execute(centre)).id);
    }
    const admin = await addStaff(container, passwordHash, centres);
    const clinicians = await addClinicians(container, admin, centres);
    await addPatients(container);
    await addAppointments(container, admin, clinicians);
    return true;
  });
  return { created, logins };
}

async function addStaff(
  container: Container,
  passwordHash: string,
  centres: Map<DemoCentreKey, number>,
): Promise<StaffActor> {
  let adminId = 0;
  for (const member of DEMO_STAFF) {
    const user = StaffUser.register(
      {
        fullName: member.fullName,
        phone: member.phone,
        email: null,
        username: member.username,
        passwordHash,
        roleId: Roles[member.role as Exclude<typeof member.role, 'PATIENT'>],
        centreId: member.centre === null ? null : centres.get(member.centre)!,
      },
      new Date(),
    );
    await container.get(T.UnitOfWork).run(() => container.get(T.StaffUsers).add(user));
    if (member.role === 'ADMIN') adminId = user.id;
  }
  return { kind: 'staff', userId: adminId, roleId: Roles.ADMIN, centreId: null };
}

async function addClinicians(
  container: Container,
  admin: StaffActor,
  centres: Map<DemoCentreKey, number>,
): Promise<Array<{ id: number; centreId: number }>> {
  const created: Array<{ id: number; centreId: number }> = [];
  const weekdays = DAYS_OF_WEEK.filter((day) => day !== 'SATURDAY' && day !== 'SUNDAY');
  for (const clinician of DEMO_CLINICIANS) {
    const centreId = centres.get(clinician.centre)!;
    const { id } = await container.get(T.CreateClinician).execute(
      {
        fullName: clinician.fullName,
        phone: clinician.phone,
        email: null,
        username: clinician.username,
        password: DEMO_PASSWORD,
        primaryCentreId: centreId,
        specialization: clinician.specialization,
        qualification: ['M.Phil Clinical Psychology'],
        yearsOfExperience: 8,
        feePaise: clinician.fee * 100,
        languages: ['English', 'Hindi'],
        profilePictureUrl: null,
        consultationMinutes: clinician.minutes,
      },
      admin,
    );
    const rules = weekdays.flatMap((dayOfWeek) =>
      DEMO_HOURS.map((hours) => ({ dayOfWeek, ...hours, isAvailable: true, centreId })),
    );
    await container.get(T.SetClinicianSchedule).replaceAvailability(id, rules, admin);
    created.push({ id, centreId });
  }
  return created;
}

/**
 * Each patient booked with a clinician at the first open slot from tomorrow (the last one's is free).
 * Unpaid bookings get their payment link on WhatsApp; the ONLINE one is confirmed as "pay at the
 * centre", so its confirmation, reminders and Meet link show up too (dev outbox, /api/video).
 */
async function addAppointments(
  container: Container,
  admin: StaffActor,
  clinicians: Array<{ id: number; centreId: number }>,
): Promise<void> {
  const choices = [clinicians[0], clinicians[1], clinicians[clinicians.length - 1]];
  for (const [i, patient] of DEMO_PATIENTS.entries()) {
    const clinician = choices[i]!;
    const slot = await firstOpenSlot(container, clinician);
    if (!slot) continue;
    const sessionType = i % 2 === 0 ? 'IN_PERSON' : 'ONLINE';
    const { appointment } = await container.get(T.BookForPatient).execute(
      {
        patient: { phone: patient.phone },
        clinicianId: clinician.id,
        centreId: clinician.centreId,
        sessionType,
        ...slot,
      },
      admin,
    );
    if (sessionType === 'ONLINE') {
      await container.get(T.UpdateAppointment).execute({ id: appointment.id, status: 'CONFIRMED' }, admin);
    }
  }
}

async function firstOpenSlot(container: Container, clinician: { id: number; centreId: number }) {
  const today = new Date();
  for (let day = 1; day <= 14; day += 1) {
    const date = new Date(today.getTime() + day * 86_400_000).toISOString().slice(0, 10);
    const { slots } = await container
      .get(T.AvailableSlots)
      .execute({ clinicianId: clinician.id, centreId: clinician.centreId, date }, 'staff');
    const open = slots.find((slot) => slot.available);
    if (open) return { appointmentDate: date, appointmentTime: open.time.toString() };
  }
  return undefined;
}

async function addPatients(container: Container): Promise<void> {
  for (const patient of DEMO_PATIENTS) {
    const record = Patient.registerByStaff(patient.phone, patient.fullName, new Date());
    await container.get(T.UnitOfWork).run(() => container.get(T.Patients).add(record));
  }
}

function demoLogins(): DemoLogin[] {
  return [
    ...DEMO_STAFF.map((s) => ({
      kind: 'staff' as const,
      role: s.role,
      name: s.fullName,
      username: s.username,
      phone: s.phone,
    })),
    ...DEMO_CLINICIANS.map((c) => ({
      kind: 'clinician' as const,
      role: 'CLINICIAN',
      name: c.fullName,
      username: c.username,
      phone: c.phone,
    })),
    ...DEMO_PATIENTS.map((p) => ({
      kind: 'patient' as const,
      role: 'PATIENT',
      name: p.fullName,
      phone: p.phone,
    })),
  ];
}
