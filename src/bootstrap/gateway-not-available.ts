/** A gateway is configured that this build has no adapter for: start-up stops rather than faking it. */
export class GatewayNotAvailableError extends Error {}
