import type { JobHandler } from '../../shared/ports/job-handler.js';
import type { JsonObject } from '../../shared/ports/outbox.js';
import type { NotificationDelivery } from '../notification-delivery.js';
import { JOB } from './message-kinds.js';

/** The backstop of a manual send: delivers the recorded row if the request's own try did not. */
export class DeliverNotificationJob implements JobHandler {
  readonly name = JOB.deliver;

  constructor(private readonly delivery: NotificationDelivery) {}

  async run(payload: JsonObject): Promise<void> {
    await this.delivery.deliver(Number(payload.notificationId));
  }
}
