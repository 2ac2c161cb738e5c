import { Roles } from '../../domain/identity/role.js';
import type { StaffActor } from '../shared/actor.js';

/**
 * Which centres' appointments a staff caller reads (CONTRACT.md, "Who may call what"): an account tied
 * to a centre reads that centre only, and a CENTRE_MANAGER without a centre reads none.
 */
export function centreReachOf(actor: StaffActor): number | 'all' | 'none' {
  if (actor.centreId !== null) return actor.centreId;
  return actor.roleId === Roles.CENTRE_MANAGER ? 'none' : 'all';
}

/** A clinician sees their own appointments, at any centre they practise at; other staff by centre. */
export function staffMaySee(
  actor: StaffActor,
  appointment: { centreId: number; clinicianUserId: number },
): boolean {
  if (actor.roleId === Roles.CLINICIAN) return appointment.clinicianUserId === actor.userId;
  const reach = centreReachOf(actor);
  return reach === 'all' || reach === appointment.centreId;
}
