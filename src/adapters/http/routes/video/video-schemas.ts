import * as v from 'valibot';
import { VIDEO_PROVIDERS, type VideoMeeting } from '../../../../application/booking/video/video-meetings.js';
import { bodyId, idParam, localDate, pagination, text } from '../../schemas/common.js';

/** An instant with its offset, as the spec writes it (`2024-03-15T10:00:00Z`). */
const instant = v.pipe(
  v.string('Must be a string'),
  v.regex(
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/,
    'Must be an ISO 8601 date-time with an offset',
  ),
  v.check((s) => !Number.isNaN(Date.parse(s)), 'Not a real date-time'),
  v.transform((s) => new Date(s)),
);

/** Meet links only: the link is sent to patients, so nothing but Google Meet's own address. */
const meetLink = v.pipe(
  v.string('Must be a string'),
  v.trim(),
  v.maxLength(300, 'Must be at most 300 characters'),
  v.regex(
    /^https:\/\/meet\.google\.com\/[A-Za-z0-9-]{3,}(\?[\w=&%.-]*)?$/,
    'Must be a https://meet.google.com/ link',
  ),
  v.metadata({ examples: ['https://meet.google.com/abc-defg-hij'] }),
);

export const GenerateBody = v.strictObject({
  appointmentId: bodyId,
  summary: v.optional(text(200)),
  startTime: v.optional(instant),
  endTime: v.optional(instant),
});

export const MeetLinkBody = v.strictObject({ meetLink });
export const AppointmentParams = v.strictObject({ id: idParam });

export const LinksQuery = v.pipe(
  v.strictObject({
    startDate: v.optional(localDate),
    endDate: v.optional(localDate),
    provider: v.optional(v.picklist(VIDEO_PROVIDERS, `Must be one of ${VIDEO_PROVIDERS.join(', ')}`)),
    ...pagination,
  }),
  v.check(
    (q) => q.startDate === undefined || q.endDate === undefined || q.startDate <= q.endDate,
    'startDate must not be after endDate',
  ),
);

export const GeneratedData = v.object({ meetLink: v.string(), eventId: v.nullable(v.string()) });
export const LinkData = v.object({ meetLink: v.string() });
export const VideoLinkData = v.object({
  appointmentId: v.number(),
  meetLink: v.string(),
  provider: v.picklist(VIDEO_PROVIDERS),
  createdAt: v.string(),
  updatedAt: v.string(),
});

export function videoLinkView(m: VideoMeeting) {
  return {
    appointmentId: m.appointmentId,
    meetLink: m.meetLink,
    provider: m.provider,
    createdAt: m.createdAt.toISOString(),
    updatedAt: m.updatedAt.toISOString(),
  };
}
