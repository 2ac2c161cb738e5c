import type { Container } from 'inversify';
import { MikroAppointmentRepository } from '../../adapters/persistence/repositories/mikro-appointment-repository.js';
import { T } from '../tokens.js';

export function bindBooking(c: Container): void {
  c.bind(T.Appointments)
    .toDynamicValue((x) => new MikroAppointmentRepository(x.get(T.Em)))
    .inSingletonScope();
}
