import { APPLICATION_STATUSES, type ApplicationStatus, type StatusChanged } from '@mpp/contracts';
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

  @IsISO8601()
  occurredAt!: string;
}

export function parseStatusChanged(data: unknown): StatusChangedMessage {
  const message = plainToInstance(StatusChangedMessage, data);
  const errors = validateSync(message, { forbidUnknownValues: true });
  if (errors.length > 0) {
    throw new Error(`invalid status event: ${errors.map((error) => error.property).join(', ')}`);
  }
  return message;
}
