/**
 * Where a confirmation finds an ONLINE session's video link: creates the meeting if it does not exist
 * yet (idempotent). Null when the appointment is not a confirmed ONLINE one or the provider refused;
 * throws `GatewayUnavailableError` while the provider is down, so the caller may retry.
 */
export interface MeetingLinkSource {
  linkFor(appointmentId: number): Promise<string | null>;
}
