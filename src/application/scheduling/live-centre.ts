import type { Centre } from '../../domain/scheduling/centre.js';
import { NotFoundError } from '../shared/app-errors.js';
import type { CentreRepository } from './ports/centre-repository.js';

/** A centre that exists and is not deleted (an inactive one may still be prepared for). */
export async function liveCentre(centres: CentreRepository, id: number): Promise<Centre> {
  const centre = await centres.findById(id);
  if (!centre || centre.deletedAt !== null) throw new NotFoundError('Centre');
  return centre;
}
