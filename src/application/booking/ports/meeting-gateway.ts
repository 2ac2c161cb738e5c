import { GatewayUnavailableError } from '../../shared/app-errors.js';

export interface NewMeeting {
  /**
   * The same request id always yields the same meeting, so a retried create (a lost answer, a job run
   * twice) never makes a second calendar event. Built from the appointment and the time it is for.
   */
  requestId: string;
  /** Discreet wording only: calendars and invitations are seen by others. */
  summary: string;
  startAt: Date;
  endAt: Date;
}

export interface Meeting {
  eventId: string;
  meetLink: string;
}

/**
 * The video provider (Google Calendar events with a Meet conference, or the fake). Transient failures
 * (5xx, network) are retried briefly inside the call, then thrown as `MeetingProviderUnavailableError`;
 * a refusal (4xx) is not retried and is thrown with `permanent` set.
 */
export interface MeetingGateway {
  create(meeting: NewMeeting): Promise<Meeting>;
  /** Moves the event to a new time; `gone` when the provider no longer has it. */
  move(eventId: string, startAt: Date, endAt: Date): Promise<'moved' | 'gone'>;
  /** Deletes the event; one already gone counts as deleted. */
  remove(eventId: string): Promise<void>;
}

export class MeetingProviderUnavailableError extends GatewayUnavailableError {
  constructor(
    /** True when the provider refused the request (4xx): retrying the same request cannot help. */
    readonly permanent: boolean,
    /** For the logs; never shown to clients. */
    readonly reason: string,
  ) {
    super('Video provider');
  }
}
