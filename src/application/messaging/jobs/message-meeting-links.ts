import type { MeetingLinkSource } from '../ports/meeting-link-source.js';

/** Tries of an automatic message spent waiting for the video provider before it goes without the link. */
export const LINK_WAIT_ATTEMPTS = 3;

/**
 * The video link for a message, when there is one. Video is optional for messaging: without a source,
 * or when the provider keeps failing, the message says the link will follow rather than not going out.
 * An automatic message (given its attempt) first retries a few times, so an outage of a minute does
 * not send a confirmation without its link.
 */
export class MessageMeetingLinks {
  constructor(private readonly source: MeetingLinkSource | null) {}

  async linkFor(appointmentId: number, attempt = LINK_WAIT_ATTEMPTS): Promise<string | null> {
    if (!this.source) return null;
    try {
      return await this.source.linkFor(appointmentId);
    } catch (error) {
      if (attempt < LINK_WAIT_ATTEMPTS) throw error;
      return null;
    }
  }
}
