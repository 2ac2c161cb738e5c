import { benchPhones, loginPatients } from './patients.js';
import { SEED_ZONE } from './scheduling-seed.js';
import { collectFreeSlots, listClinicians, workingDates, type FreeSlot } from './slot-handout.js';

export interface HandoutSettings {
  bookingsWarmup: number;
  bookingsPerRound: number;
  rounds: number;
  connections: number;
}

/** Working days ahead that patients browse and book (inside the 60-day horizon). */
export const SLOT_DATES = 48;

/**
 * One open slot and one logged-in patient per booking the rounds will make (warm-up and every round),
 * on the seeded database. autocannon may build one request per connection that it never sends, in
 * every phase, so each phase gets a spare per connection. Patients' phones start at `phonesFrom`, so
 * scenarios that both book keep their patients apart.
 */
export async function bookingHandout(
  miboUrl: string,
  settings: HandoutSettings,
  phonesFrom: number,
): Promise<Array<{ token: string; slot: FreeSlot }>> {
  const needed =
    settings.bookingsWarmup +
    settings.rounds * settings.bookingsPerRound +
    settings.connections * (settings.rounds + 1);
  const clinicians = await listClinicians(miboUrl);
  const slots = await collectFreeSlots(miboUrl, clinicians, workingDates(SEED_ZONE, 2, SLOT_DATES), needed);
  if (slots.length < needed) throw new Error(`only ${slots.length} open slots for ${needed} bookings`);
  const tokens = await loginPatients(miboUrl, benchPhones(phonesFrom, needed));
  return slots.slice(0, needed).map((slot, i) => ({ token: tokens[i]!, slot }));
}
