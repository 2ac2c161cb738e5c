import type { StaffActor } from '../../shared/actor.js';
import { NotFoundError } from '../../shared/app-errors.js';
import type { Clock } from '../../shared/ports/clock.js';
import type { UnitOfWork } from '../../shared/ports/unit-of-work.js';
import { appointmentForStaff } from '../appointment-access.js';
import type { AppointmentRepository } from '../ports/appointment-repository.js';
import type { MeetingGateway } from '../ports/meeting-gateway.js';
import { assertMayHaveLink } from './generate-meet-link.js';
import type { VideoMeeting, VideoMeetings } from './video-meetings.js';

/**
 * Staff set a link by hand (PUT) or take it away (DELETE). A hand-set link keeps the provider event,
 * if any, so a reschedule still moves it and a cancellation still deletes it.
 */
export class ChangeMeetLinkHandler {
  constructor(
    private readonly appointments: AppointmentRepository,
    private readonly meetings: VideoMeetings,
    private readonly gateway: MeetingGateway,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  async replace(
    input: { appointmentId: number; meetLink: string },
    actor: StaffActor,
  ): Promise<VideoMeeting> {
    return this.uow.run(async () => {
      const appointment = await appointmentForStaff(this.appointments, input.appointmentId, actor);
      assertMayHaveLink(appointment);
      const now = this.clock.now();
      const current = await this.meetings.find(appointment.id);
      const meeting: VideoMeeting = current
        ? { ...current, meetLink: input.meetLink, updatedAt: now }
        : {
            appointmentId: appointment.id,
            provider: 'google_meet',
            eventId: null,
            meetLink: input.meetLink,
            startAt: appointment.startAt,
            endAt: appointment.endAt,
            createdBy: `staff:${actor.userId}`,
            createdAt: now,
            updatedAt: now,
          };
      await this.meetings.put(meeting);
      return meeting;
    });
  }

  /** Deletes the provider event first (outside the transaction), then the row; 404 when there is none. */
  async remove(input: { appointmentId: number }, actor: StaffActor): Promise<void> {
    const appointment = await appointmentForStaff(this.appointments, input.appointmentId, actor);
    const meeting = await this.meetings.find(appointment.id);
    if (!meeting) throw new NotFoundError('Video link');
    if (meeting.eventId) await this.gateway.remove(meeting.eventId);
    await this.uow.run(() => this.meetings.removeIfStill(appointment.id, meeting.eventId));
  }
}
