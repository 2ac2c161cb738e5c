import type { AppointmentEvent } from '../../../domain/booking/appointment-events.js';
import { reactTo, type Reaction } from '../../shared/reactions.js';

export const ENSURE_MEETING = 'video.ensure-meeting';
export const MOVE_MEETING = 'video.move-meeting';
export const REMOVE_MEETING = 'video.remove-meeting';

/**
 * What the video link does when an ONLINE appointment changes. The handlers re-read the appointment
 * and its meeting, so a job that finds nothing to do (no meeting to move or delete) does nothing.
 */
export const videoReactions: Reaction[] = [
  reactTo<AppointmentEvent, 'AppointmentConfirmed'>('AppointmentConfirmed', (e) =>
    e.sessionType === 'ONLINE'
      ? [
          {
            name: ENSURE_MEETING,
            key: `${ENSURE_MEETING}:${e.appointmentId}:${e.startAt}`,
            payload: { appointmentId: e.appointmentId },
          },
        ]
      : [],
  ),
  reactTo<AppointmentEvent, 'AppointmentRescheduled'>('AppointmentRescheduled', (e) =>
    e.sessionType === 'ONLINE'
      ? [
          {
            name: MOVE_MEETING,
            key: `${MOVE_MEETING}:${e.appointmentId}:${e.startAt}`,
            payload: { appointmentId: e.appointmentId },
          },
        ]
      : [],
  ),
  reactTo<AppointmentEvent, 'AppointmentCancelled'>('AppointmentCancelled', (e) =>
    e.sessionType === 'ONLINE'
      ? [
          {
            name: REMOVE_MEETING,
            key: `${REMOVE_MEETING}:${e.appointmentId}:${e.startAt}`,
            payload: { appointmentId: e.appointmentId },
          },
        ]
      : [],
  ),
];
