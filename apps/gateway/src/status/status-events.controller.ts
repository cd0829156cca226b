import { Controller, Logger } from '@nestjs/common';
import { Ctx, EventPattern, KafkaContext } from '@nestjs/microservices';
import { EventTypes, Topics } from '@mpp/contracts';
import { decodeCloudEvent } from '@mpp/kafka';
import { ApplyStatusEvent } from './apply-status-event.use-case';
import { parseStatusChanged } from './status-changed.message';

/** Consumes `mpp.status` through the NestJS Kafka transport. */
@Controller()
export class StatusEventsController {
  private readonly logger = new Logger(StatusEventsController.name);

  constructor(private readonly applyStatusEvent: ApplyStatusEvent) {}

  @EventPattern(Topics.status)
  async onStatusEvent(_payload: unknown, @Ctx() context: KafkaContext): Promise<void> {
    const message = context.getMessage();
    let event;
    try {
      const decoded = decodeCloudEvent({ headers: message.headers, value: message.value });
      if (decoded.type !== EventTypes.statusChanged) {
        this.logger.warn(`skipped ${decoded.type} on ${Topics.status}: not a status event`);
        return;
      }
      event = { ...decoded, data: parseStatusChanged(decoded.data) };
    } catch (error) {
      // A malformed message must not stop the consumer; it is skipped with the reason.
      this.logger.warn(
        `skipped malformed message at ${context.getTopic()}/${context.getPartition()}@${message.offset}: ${String(error)}`,
      );
      return;
    }
    await this.applyStatusEvent.execute(event);
  }
}
