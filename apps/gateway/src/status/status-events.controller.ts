import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, KafkaContext } from '@nestjs/microservices';
import { DeadLetterReasons, Topics, type CloudEvent } from '@mpp/contracts';
import { MessageParking, unreadableReason, type ConsumedMessage } from '@mpp/kafka';
import { QueryFailedError } from 'typeorm';
import { ApplyStatusEvent } from './apply-status-event.use-case';
import { readStatusEvent, type StatusChangedMessage } from './status-changed.message';

const CONSUMER = 'gateway.status';
/** SQLSTATE class 22: the database refuses a value the event itself carries. */
const DATA_EXCEPTION = '22';

/**
 * Consumes `mpp.status` through the NestJS Kafka transport. A message that is no status event,
 * or one whose values the database refuses, is parked and the consumer goes on; any other
 * failure (the database away) is thrown, so the message is read again.
 */
@Controller()
export class StatusEventsController {
  constructor(
    private readonly applyStatusEvent: ApplyStatusEvent,
    private readonly parking: MessageParking,
  ) {}

  @EventPattern(Topics.status)
  async onStatusEvent(_payload: unknown, @Ctx() context: KafkaContext): Promise<void> {
    const consumed: ConsumedMessage = {
      topic: context.getTopic(),
      partition: context.getPartition(),
      message: context.getMessage(),
    };
    let event: CloudEvent<StatusChangedMessage>;
    try {
      event = readStatusEvent(consumed.message);
    } catch (error) {
      await this.parking.park(CONSUMER, consumed, unreadableReason(error), error);
      return;
    }
    try {
      await this.applyStatusEvent.execute(event);
    } catch (error) {
      if (!isDataException(error)) throw error;
      await this.parking.park(CONSUMER, consumed, DeadLetterReasons.failed, error);
    }
  }
}

function isDataException(error: unknown): boolean {
  if (!(error instanceof QueryFailedError)) return false;
  const { code } = error.driverError as { code?: unknown };
  return typeof code === 'string' && code.startsWith(DATA_EXCEPTION);
}
