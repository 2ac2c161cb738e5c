/**
 * Where a confirmation finds an ONLINE session's video link: creates the meeting if it does not exist
 * yet (idempotent), or returns null when the appointment is not an ONLINE one or the provider is down.
 */
export interface MeetingLinkSource {
  linkFor(appointmentId: number): Promise<string | null>;
}
