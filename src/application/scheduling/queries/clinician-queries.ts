import type { Clinician, StoredException, StoredRule } from '../../../domain/scheduling/clinician.js';
import { wallClockOf } from '../../../domain/scheduling/time-zone.js';
import type { Actor } from '../../shared/actor.js';
import { NotFoundError } from '../../shared/app-errors.js';
import type { Page } from '../../shared/page.js';
import type { Clock } from '../../shared/ports/clock.js';
import { centreScopeOf, managesClinicians } from '../clinician-access.js';
import type { CentreRepository } from '../ports/centre-repository.js';
import type { ClinicianReads, ClinicianView } from '../ports/clinician-reads.js';
import type { ClinicianRepository } from '../ports/clinician-repository.js';

export interface ListClinicians {
  centreId?: number | undefined;
  specialization?: string | undefined;
  page: number;
  limit: number;
}

/**
 * Public reads of clinicians. Anyone sees active ones without contact details; ADMIN, MANAGER and
 * CENTRE_MANAGER also see inactive ones (to reactivate them) with contacts; a centre-bound caller's
 * centre filter is replaced by their own centre.
 */
export class ClinicianQueries {
  constructor(
    private readonly reads: ClinicianReads,
    private readonly clinicians: ClinicianRepository,
    private readonly centres: CentreRepository,
    private readonly clock: Clock,
  ) {}

  list(input: ListClinicians, actor: Actor | null): Promise<Page<ClinicianView>> {
    const privileged = managesClinicians(actor);
    const centreId = (privileged ? centreScopeOf(actor) : null) ?? input.centreId;
    return this.reads.list({ ...input, centreId, privileged });
  }

  async get(id: number, actor: Actor | null): Promise<ClinicianView> {
    const view = await this.reads.get(id, true);
    if (!view || !this.visible(view, actor)) throw new NotFoundError('Clinician');
    if (this.privilegedFor(actor) && this.inScope(view.primaryCentreId, actor)) return view;
    const { phone: _phone, email: _email, ...publicView } = view;
    return publicView;
  }

  async availability(id: number, actor: Actor | null): Promise<StoredRule[]> {
    return (await this.visibleClinician(id, actor)).availabilityRules;
  }

  /** Exceptions from today on (in the primary centre's time zone). */
  async exceptions(id: number, actor: Actor | null): Promise<StoredException[]> {
    const clinician = await this.visibleClinician(id, actor);
    const centre = await this.centres.findById(clinician.primaryCentreId);
    const today = wallClockOf(this.clock.now(), centre?.timezone ?? 'Asia/Kolkata').date.toString();
    return clinician.exceptions.filter((exception) => exception.date >= today);
  }

  private async visibleClinician(id: number, actor: Actor | null): Promise<Clinician> {
    const clinician = await this.clinicians.findById(id);
    if (!clinician || clinician.deletedAt !== null || !this.visible(clinician, actor))
      throw new NotFoundError('Clinician');
    return clinician;
  }

  private visible(clinician: { isActive: boolean; primaryCentreId: number }, actor: Actor | null): boolean {
    if (clinician.isActive) return true;
    return this.privilegedFor(actor) && this.inScope(clinician.primaryCentreId, actor);
  }

  private privilegedFor(actor: Actor | null): boolean {
    return managesClinicians(actor);
  }

  private inScope(centreId: number, actor: Actor | null): boolean {
    const scope = centreScopeOf(actor);
    return scope === null || scope === centreId;
  }
}
