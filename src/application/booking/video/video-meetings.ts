import type { Page } from '../../shared/page.js';

export const VIDEO_PROVIDERS = ['google_meet'] as const;
export type VideoProvider = (typeof VIDEO_PROVIDERS)[number];

/** An appointment's video link: made by the provider (with its calendar event) or set by hand. */
export interface VideoMeeting {
  appointmentId: number;
  provider: VideoProvider;
  /** The provider's calendar event; null for a link staff set by hand. */
  eventId: string | null;
  meetLink: string;
  /** The session time the event was made or last moved for. */
  startAt: Date;
  endAt: Date;
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
}

export interface VideoLinkFilter {
  /** `YYYY-MM-DD`, inclusive, read as days at each appointment's centre. */
  startDate?: string | undefined;
  endDate?: string | undefined;
  provider?: VideoProvider | undefined;
  page: number;
  limit: number;
}

/** `video_meetings`, one row per appointment (the database refuses a second). */
export interface VideoMeetings {
  find(appointmentId: number): Promise<VideoMeeting | null>;
  /** False when the appointment already has one (another run stored it first); nothing is changed then. */
  addIfAbsent(meeting: VideoMeeting): Promise<boolean>;
  /** Inserts or replaces the appointment's meeting. */
  put(meeting: VideoMeeting): Promise<void>;
  /** Deletes it only while it is still the one for `eventId` (a newer one is left alone). */
  removeIfStill(appointmentId: number, eventId: string | null): Promise<void>;
  list(filter: VideoLinkFilter): Promise<Page<VideoMeeting>>;
}
