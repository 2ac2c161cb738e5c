import type { Centre } from '../../../domain/scheduling/centre.js';

/** Finds centres whatever their state (deleted ones too: their appointments keep their time zone). */
export interface CentreRepository {
  findById(id: number): Promise<Centre | null>;
  add(centre: Centre): Promise<void>;
}
