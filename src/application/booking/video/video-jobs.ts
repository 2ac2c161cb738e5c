import type { Appointment } from '../../../domain/booking/appointment.js';
import { PermanentJobFailure, type JobHandler, type JobRun } from '../../shared/ports/job-handler.js';
import type { JsonObject } from '../../shared/ports/outbox.js';
import type { Clock } from '../../shared/ports/clock.js';
import type { UnitOfWork } from '../../shared/ports/unit-of-work.js';
import type { AppointmentRepository } from '../ports/appointment-repository.js';
import { MeetingProviderUnavailableError, type MeetingGateway } from '../ports/meeting-gateway.js';
import { MEETING_SUMMARY, meetingRequestId, wantsAutomaticLink, type MeetingLinks } from './meeting-links.js';
import { ENSURE_MEETING, MOVE_MEETING, REMOVE_MEETING } from './video-reactions.js';
import type { VideoMeetings } from './video-meetings.js';

export interface VideoJobPorts {
  appointments: AppointmentRepository;
  meetings: VideoMeetings;
  gateway: MeetingGateway;
  links: MeetingLinks;
  uow: UnitOfWork;
  clock: Clock;
}

/** A provider refusal (4xx) will not change on retry: fail the job at once; outages are retried. */
async function guarded(work: () => Promise<void>): Promise<void> {
  try {
    await work();
  } catch (error) {
    if (error instanceof MeetingProviderUnavailableError && error.permanent) {
      throw new PermanentJobFailure(`video provider refused: ${error.reason}`);
    }
    throw error;
  }
}

function appointmentIdOf(payload: JsonObject): number {
  const id = payload.appointmentId;
  if (typeof id !== 'number') throw new PermanentJobFailure('payload has no appointmentId');
  return id;
}

const load = (p: VideoJobPorts, payload: JsonObject) => p.appointments.findById(appointmentIdOf(payload));

// Jobs run at least once: each re-reads the appointment and its meeting and does only what is left.

export function ensureMeetingJob(p: VideoJobPorts): JobHandler {
  return {
    name: ENSURE_MEETING,
    run: (payload: JsonObject, _job: JobRun) =>
      guarded(async () => {
        const appointment = await load(p, payload);
        if (appointment && wantsAutomaticLink(appointment)) await p.links.ensure(appointment, 'system');
      }),
  };
}

export function moveMeetingJob(p: VideoJobPorts): JobHandler {
  return {
    name: MOVE_MEETING,
    run: (payload: JsonObject) =>
      guarded(async () => {
        const appointment = await load(p, payload);
        if (appointment) await moveMeeting(p, appointment);
      }),
  };
}

export function removeMeetingJob(p: VideoJobPorts): JobHandler {
  return {
    name: REMOVE_MEETING,
    run: (payload: JsonObject) =>
      guarded(async () => {
        const appointment = await load(p, payload);
        // A cancellation undone since (a late payment reinstates it) keeps its meeting.
        if (!appointment || appointment.status !== 'CANCELLED') return;
        const meeting = await p.meetings.find(appointment.id);
        if (!meeting) return;
        if (meeting.eventId) await p.gateway.remove(meeting.eventId);
        await p.uow.run(() => p.meetings.removeIfStill(appointment.id, meeting.eventId));
      }),
  };
}

/** Keeps the event on the session's current time; an event deleted at the provider is made afresh. */
async function moveMeeting(p: VideoJobPorts, appointment: Appointment): Promise<void> {
  const meeting = await p.meetings.find(appointment.id);
  if (!meeting || (appointment.status !== 'PENDING' && appointment.status !== 'CONFIRMED')) return;
  const { startAt, endAt } = appointment;
  if (meeting.startAt.getTime() === startAt.getTime() && meeting.endAt.getTime() === endAt.getTime()) return;
  let { eventId, meetLink } = meeting;
  if (eventId && (await p.gateway.move(eventId, startAt, endAt)) === 'gone') {
    const made = await p.gateway.create({
      requestId: meetingRequestId(appointment.id, startAt),
      summary: MEETING_SUMMARY,
      startAt,
      endAt,
    });
    ({ eventId, meetLink } = made);
  }
  const moved = { ...meeting, eventId, meetLink, startAt, endAt, updatedAt: p.clock.now() };
  await p.uow.run(() => p.meetings.put(moved));
}
