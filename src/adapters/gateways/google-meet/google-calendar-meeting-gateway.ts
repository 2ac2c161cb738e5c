import { auth, calendar, type calendar_v3 } from '@googleapis/calendar';
import type {
  Meeting,
  MeetingGateway,
  NewMeeting,
} from '../../../application/booking/ports/meeting-gateway.js';
import { MeetingProviderUnavailableError } from '../../../application/booking/ports/meeting-gateway.js';
import { eventIdFor, freshEventId, isTransient, TRANSIENT_RETRIES } from './meeting-ids.js';

export interface GoogleMeetOptions {
  clientId: string;
  clientSecret: string;
  redirectUri?: string | undefined;
  /** An offline refresh token for the clinic's calendar account; access tokens are fetched from it. */
  refreshToken: string;
  calendarId?: string;
  /** Only the contract test points these at its local stub. */
  rootUrl?: string;
  tokenUrl?: string;
  /** The first retry's delay; doubled for each retry after it. */
  retryDelayMs?: number;
  timeoutMs?: number;
}

/**
 * Google Calendar events with a Meet conference. The event id is chosen from the request id, so a
 * retried insert answers 409 and the first event is read back instead of making a second one.
 */
export class GoogleCalendarMeetingGateway implements MeetingGateway {
  private readonly api: calendar_v3.Calendar;
  private readonly calendarId: string;

  constructor(options: GoogleMeetOptions) {
    const oauth = new auth.OAuth2({
      clientId: options.clientId,
      clientSecret: options.clientSecret,
      ...(options.redirectUri ? { redirectUri: options.redirectUri } : {}),
      ...(options.tokenUrl ? { endpoints: { oauth2TokenUrl: options.tokenUrl } } : {}),
    });
    oauth.setCredentials({ refresh_token: options.refreshToken });
    const delay = options.retryDelayMs ?? 250;
    this.calendarId = options.calendarId ?? 'primary';
    this.api = calendar({
      version: 'v3',
      auth: oauth,
      timeout: options.timeoutMs ?? 10_000,
      ...(options.rootUrl ? { rootUrl: options.rootUrl } : {}),
      retryConfig: {
        retry: TRANSIENT_RETRIES,
        noResponseRetries: TRANSIENT_RETRIES,
        // Inserts are safe to repeat (chosen event ids), so every method is retried alike.
        httpMethodsToRetry: ['GET', 'POST', 'PATCH', 'PUT', 'DELETE'],
        statusCodesToRetry: [
          [429, 429],
          [500, 599],
        ],
        retryBackoff: (error) => {
          const attempt = error.config.retryConfig?.currentRetryAttempt ?? 1;
          return new Promise((resolve) => setTimeout(resolve, delay * 2 ** Math.max(0, attempt - 1)));
        },
      },
    });
  }

  async create(m: NewMeeting): Promise<Meeting> {
    const id = eventIdFor(m.requestId);
    try {
      return linkOf(await this.insert(id, m));
    } catch (error) {
      if (statusOf(error) !== 409) throw providerError(error);
    }
    const existing = await this.call(() => this.api.events.get({ calendarId: this.calendarId, eventId: id }));
    if (existing.status !== 'cancelled') return linkOf(existing);
    try {
      return linkOf(await this.insert(freshEventId(m.requestId), m));
    } catch (error) {
      throw providerError(error);
    }
  }

  async move(eventId: string, startAt: Date, endAt: Date): Promise<'moved' | 'gone'> {
    try {
      const { data } = await this.api.events.patch({
        calendarId: this.calendarId,
        eventId,
        sendUpdates: 'none',
        requestBody: { start: { dateTime: startAt.toISOString() }, end: { dateTime: endAt.toISOString() } },
      });
      return data.status === 'cancelled' ? 'gone' : 'moved';
    } catch (error) {
      if (isGone(error)) return 'gone';
      throw providerError(error);
    }
  }

  async remove(eventId: string): Promise<void> {
    try {
      await this.api.events.delete({ calendarId: this.calendarId, eventId, sendUpdates: 'none' });
    } catch (error) {
      if (!isGone(error)) throw providerError(error);
    }
  }

  private async insert(id: string, m: NewMeeting): Promise<calendar_v3.Schema$Event> {
    const { data } = await this.api.events.insert({
      calendarId: this.calendarId,
      conferenceDataVersion: 1,
      sendUpdates: 'none',
      requestBody: {
        id,
        summary: m.summary,
        start: { dateTime: m.startAt.toISOString() },
        end: { dateTime: m.endAt.toISOString() },
        conferenceData: {
          createRequest: { requestId: m.requestId, conferenceSolutionKey: { type: 'hangoutsMeet' } },
        },
      },
    });
    return data;
  }

  private async call<R>(work: () => Promise<{ data: R }>): Promise<R> {
    try {
      return (await work()).data;
    } catch (error) {
      throw providerError(error);
    }
  }
}

/** The Meet link; a conference still being set up counts as a transient failure (the retry reads it back). */
function linkOf(event: calendar_v3.Schema$Event): Meeting {
  const video = event.conferenceData?.entryPoints?.find((p) => p.entryPointType === 'video')?.uri;
  const meetLink = event.hangoutLink ?? video;
  if (!event.id || !meetLink) throw new MeetingProviderUnavailableError(false, 'conference not ready yet');
  return { eventId: event.id, meetLink };
}

function statusOf(error: unknown): number | undefined {
  const e = error as { status?: unknown; response?: { status?: unknown } };
  const status = e?.response?.status ?? e?.status;
  return typeof status === 'number' ? status : undefined;
}

function isGone(error: unknown): boolean {
  const status = statusOf(error);
  return status === 404 || status === 410;
}

function providerError(error: unknown): MeetingProviderUnavailableError {
  if (error instanceof MeetingProviderUnavailableError) return error;
  const status = statusOf(error);
  const reason = status === undefined ? 'no answer' : `HTTP ${status}`;
  return new MeetingProviderUnavailableError(!isTransient(status), reason);
}
