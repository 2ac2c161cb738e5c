import type {
  Meeting,
  MeetingGateway,
  NewMeeting,
} from '../../../application/booking/ports/meeting-gateway.js';
import { MeetingProviderUnavailableError } from '../../../application/booking/ports/meeting-gateway.js';
import { eventIdFor, freshEventId, isTransient, meetCode, TRANSIENT_RETRIES } from './meeting-ids.js';

export interface FakeEvent {
  id: string;
  requestId: string;
  summary: string;
  startAt: Date;
  endAt: Date;
  meetLink: string;
  status: 'confirmed' | 'cancelled';
}

/**
 * Stands in for Google Calendar when no Google credentials are configured: events with Google-shaped
 * ids and `https://meet.google.com/xxx-xxxx-xxx` links, kept in memory. `failNext(status, times)`
 * makes the next requests answer like the provider would; the fake retries and refuses exactly as the
 * real adapter does (the shared contract test holds both to it).
 */
export class FakeMeetingGateway implements MeetingGateway {
  private readonly events = new Map<string, FakeEvent>();
  private readonly failures: number[] = [];
  /** Every request "sent", retries included. */
  requests = 0;

  failNext(status: number, times = 1): void {
    for (let i = 0; i < times; i += 1) this.failures.push(status);
  }

  event(id: string): FakeEvent | undefined {
    return this.events.get(id);
  }

  liveEvents(): FakeEvent[] {
    return [...this.events.values()].filter((e) => e.status === 'confirmed');
  }

  async create(m: NewMeeting): Promise<Meeting> {
    await this.request();
    const taken = this.events.get(eventIdFor(m.requestId));
    if (taken?.status === 'confirmed') return { eventId: taken.id, meetLink: taken.meetLink };
    const id = taken ? freshEventId(m.requestId) : eventIdFor(m.requestId);
    const event: FakeEvent = {
      id,
      requestId: m.requestId,
      summary: m.summary,
      startAt: m.startAt,
      endAt: m.endAt,
      meetLink: `https://meet.google.com/${meetCode()}`,
      status: 'confirmed',
    };
    this.events.set(id, event);
    return { eventId: id, meetLink: event.meetLink };
  }

  async move(eventId: string, startAt: Date, endAt: Date): Promise<'moved' | 'gone'> {
    await this.request();
    const event = this.events.get(eventId);
    if (event?.status !== 'confirmed') return 'gone';
    event.startAt = startAt;
    event.endAt = endAt;
    return 'moved';
  }

  async remove(eventId: string): Promise<void> {
    await this.request();
    const event = this.events.get(eventId);
    if (event) event.status = 'cancelled';
  }

  /** One call: the first answer that is not a transient failure, after at most TRANSIENT_RETRIES retries. */
  private async request(): Promise<void> {
    for (let attempt = 0; ; attempt += 1) {
      this.requests += 1;
      const status = this.failures.shift();
      if (status === undefined) return;
      if (!isTransient(status)) throw new MeetingProviderUnavailableError(true, `HTTP ${status}`);
      if (attempt >= TRANSIENT_RETRIES) throw new MeetingProviderUnavailableError(false, `HTTP ${status}`);
    }
  }
}
