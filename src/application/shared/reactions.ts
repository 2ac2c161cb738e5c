import type { Job, Outbox } from './ports/outbox.js';

export interface DomainEvent {
  type: string;
}

/** One context's answer to one kind of event: the jobs it wants run once the change has committed. */
export interface Reaction {
  readonly on: string;
  jobsFor(event: DomainEvent): Job[];
}

/** A reaction to the events of union `E` whose `type` is `on`, typed for that event. */
export function reactTo<E extends DomainEvent, K extends E['type']>(
  on: K,
  jobsFor: (event: Extract<E, { type: K }>) => Job[],
): Reaction {
  return { on, jobsFor: (event) => jobsFor(event as Extract<E, { type: K }>) };
}

/**
 * Turns an aggregate's events into the outbox jobs of every context that reacts to them. Called inside
 * the unit of work that made the change, so the jobs commit or roll back with it.
 */
export class EventRecorder {
  constructor(
    private readonly outbox: Outbox,
    private readonly reactions: readonly Reaction[],
  ) {}

  async record(events: readonly DomainEvent[]): Promise<void> {
    const jobs = events.flatMap((event) =>
      this.reactions.filter((r) => r.on === event.type).flatMap((r) => r.jobsFor(event)),
    );
    if (jobs.length > 0) await this.outbox.add(jobs);
  }

  /** Pulls and records the events of every aggregate given (call after they are saved and have ids). */
  recordFrom(aggregates: ReadonlyArray<{ pullEvents(): DomainEvent[] }>): Promise<void> {
    return this.record(aggregates.flatMap((a) => a.pullEvents()));
  }
}
