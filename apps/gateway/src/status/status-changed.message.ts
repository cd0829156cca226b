import {
  APPLICATION_STATUSES,
  EventTypes,
  type ApplicationStatus,
  type CloudEvent,
  type StatusChanged,
} from '@mpp/contracts';
import { decodeCloudEvent, MalformedMessageError, UnsupportedEventType } from '@mpp/kafka';
import type { KafkaMessage } from 'kafkajs';
import { plainToInstance } from 'class-transformer';
import {
  IsIn,
  IsISO8601,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  validateSync,
} from 'class-validator';

/** The shape a status event's data must have before the gateway looks at it. */
export class StatusChangedMessage implements StatusChanged {
  @IsUUID()
  applicationId!: string;

  @IsString()
  @MaxLength(100)
  serviceCode!: string;

  @IsIn(APPLICATION_STATUSES)
  status!: ApplicationStatus;

  @IsOptional()
  @IsString()
  @MaxLength(100)
  agencyReference?: string;

  @IsOptional()
  @IsString()
  @MaxLength(2000)
  reason?: string;

  @IsOptional()
  @IsObject()
  result?: Record<string, unknown>;

  // Strict: a date the database cannot store (30 February) would fail the event on every try.
  @IsISO8601({ strict: true, strictSeparator: true })
  occurredAt!: string;
}

export function parseStatusChanged(data: unknown): StatusChangedMessage {
  const message = plainToInstance(StatusChangedMessage, data);
  const errors = validateSync(message, { forbidUnknownValues: true });
  if (errors.length > 0) {
    throw new MalformedMessageError(
      `invalid status event: ${errors.map((error) => error.property).join(', ')}`,
    );
  }
  return message;
}

/**
 * A message of `mpp.status` as the status event it must be. Throws MalformedMessageError, or
 * UnsupportedEventType for a well-formed event of another type.
 */
export function readStatusEvent(
  message: Pick<KafkaMessage, 'headers' | 'value'>,
): CloudEvent<StatusChangedMessage> {
  const event = decodeCloudEvent({ headers: message.headers, value: message.value });
  if (event.type !== EventTypes.statusChanged) {
    throw new UnsupportedEventType(`${event.type} is not a status event`);
  }
  return { ...event, data: parseStatusChanged(event.data) };
}
