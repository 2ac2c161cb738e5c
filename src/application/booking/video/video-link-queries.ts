import type { Actor } from '../../shared/actor.js';
import { NotFoundError } from '../../shared/app-errors.js';
import type { Page } from '../../shared/page.js';
import { staffMaySee } from '../appointment-visibility.js';
import type { AppointmentReads } from '../ports/appointment-reads.js';
import type { VideoLinkFilter, VideoMeeting, VideoMeetings } from './video-meetings.js';

/**
 * The link is shown only to the appointment's patient, its clinician and staff who see the
 * appointment; to anyone else, and when there is no link, it is not found.
 */
export class VideoLinkQueries {
  constructor(
    private readonly reads: AppointmentReads,
    private readonly meetings: VideoMeetings,
  ) {}

  async linkOf(appointmentId: number, actor: Actor): Promise<{ meetLink: string }> {
    const appointment = await this.reads.byId(appointmentId);
    const visible =
      appointment !== null &&
      (actor.kind === 'patient'
        ? appointment.patientId === actor.patientId
        : staffMaySee(actor, appointment));
    const meeting = visible ? await this.meetings.find(appointmentId) : null;
    if (!meeting) throw new NotFoundError('Video link');
    return { meetLink: meeting.meetLink };
  }

  /** For ADMIN and MANAGER (the route's roles), who see every centre. */
  list(filter: VideoLinkFilter): Promise<Page<VideoMeeting>> {
    return this.meetings.list(filter);
  }
}
