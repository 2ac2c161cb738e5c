/**
 * An aggregate's record of what happened since its events were last pulled. The aggregate keeps one in
 * an optional field and creates it on first use: MikroORM loads entities without running constructors
 * or field initialisers, and a base class would make MikroORM look for a base entity to map.
 */
export class PendingEvents<E> {
  private events: E[] = [];

  record(event: E): void {
    this.events = [...this.events, event];
  }

  /** Hands over the events recorded so far and starts afresh. */
  pull(): E[] {
    const events = this.events;
    this.events = [];
    return events;
  }
}
