import type { Appointment } from '../../../domain/booking/appointment.js';
import type { MeetingLinkSource } from '../../messaging/ports/meeting-link-source.js';
import type { Clock } from '../../shared/ports/clock.js';
import type { UnitOfWork } from '../../shared/ports/unit-of-work.js';
import type { AppointmentRepository } from '../ports/appointment-repository.js';
import {
  MeetingProviderUnavailableError,
  type Meeting,
  type MeetingGateway,
} from '../ports/meeting-gateway.js';
import type { VideoMeeting, VideoMeetings } from './video-meetings.js';

/** Calendars and invitations are seen by others (assistants, shared devices): no clinical words. */
export const MEETING_SUMMARY = 'Session at Mibo';

/** Same appointment, same time: same request, so a retried create finds the event it already made. */
export function meetingRequestId(appointmentId: number, startAt: Date): string {
  return `mibo-appointment-${appointmentId}-${startAt.getTime()}`;
}

/** An ONLINE session that is going ahead gets its link made automatically. */
export function wantsAutomaticLink(a: Appointment): boolean {
  return a.sessionType === 'ONLINE' && a.status === 'CONFIRMED';
}

/**
 * Makes an appointment's meeting once. The provider is called outside any transaction; the result is
 * stored in a short unit of work, and if another run stored one meanwhile, the extra event is deleted.
 */
export class MeetingLinks implements MeetingLinkSource {
  constructor(
    private readonly appointments: AppointmentRepository,
    private readonly meetings: VideoMeetings,
    private readonly gateway: MeetingGateway,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  /** For confirmations: the link of a confirmed ONLINE session, made now if need be; null otherwise. */
  async linkFor(appointmentId: number): Promise<string | null> {
    const existing = await this.meetings.find(appointmentId);
    if (existing) return existing.meetLink;
    const appointment = await this.appointments.findById(appointmentId);
    if (!appointment || !wantsAutomaticLink(appointment)) return null;
    try {
      return (await this.ensure(appointment, 'system')).meetLink;
    } catch (error) {
      // A refusal will not change on retry; an outage may, so it is the caller's to retry.
      if (error instanceof MeetingProviderUnavailableError && error.permanent) return null;
      throw error;
    }
  }

  /** The appointment's meeting, created with the provider when it has none. */
  async ensure(appointment: Appointment, createdBy: string): Promise<VideoMeeting> {
    const existing = await this.meetings.find(appointment.id);
    if (existing) return existing;
    const made = await this.gateway.create({
      requestId: meetingRequestId(appointment.id, appointment.startAt),
      summary: MEETING_SUMMARY,
      startAt: appointment.startAt,
      endAt: appointment.endAt,
    });
    return this.store(appointment, made, createdBy);
  }

  private async store(appointment: Appointment, made: Meeting, createdBy: string): Promise<VideoMeeting> {
    const now = this.clock.now();
    const meeting: VideoMeeting = {
      appointmentId: appointment.id,
      provider: 'google_meet',
      eventId: made.eventId,
      meetLink: made.meetLink,
      startAt: appointment.startAt,
      endAt: appointment.endAt,
      createdBy,
      createdAt: now,
      updatedAt: now,
    };
    if (await this.uow.run(() => this.meetings.addIfAbsent(meeting))) return meeting;
    const winner = await this.meetings.find(appointment.id);
    if (winner?.eventId !== made.eventId) await this.gateway.remove(made.eventId);
    if (!winner) throw new Error(`video meeting of appointment ${appointment.id} vanished while storing`);
    return winner;
  }
}
