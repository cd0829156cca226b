import { validateEnvironment } from '@mpp/config';
import { Transform } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  Max,
  Min,
  MinLength,
} from 'class-validator';

export const GATEWAY_ROLES = ['api', 'relay', 'status', 'catalog', 'webhooks'] as const;
export type GatewayRole = (typeof GATEWAY_ROLES)[number];

const toInt = ({ value }: { value: unknown }) => (value === undefined ? undefined : Number(value));

/** Every environment variable of the gateway; see docs/configuration.md. */
export class GatewayConfig {
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(65535)
  GATEWAY_PORT = 3000;

  /** Roles this instance runs; all together in development, split when scaled. */
  @Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' ? value.split(',').map((role) => role.trim()) : value,
  )
  @IsIn(GATEWAY_ROLES, { each: true })
  GATEWAY_ROLES: GatewayRole[] = [...GATEWAY_ROLES];

  @IsString()
  GATEWAY_INSTANCE_ID = `gateway-${process.pid}`;

  @IsString()
  GATEWAY_STATUS_GROUP_ID = 'mpp-gateway-status';

  @Transform(toInt)
  @IsInt()
  @Min(10)
  OUTBOX_POLL_INTERVAL_MS = 250;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(5000)
  OUTBOX_BATCH_SIZE = 200;

  /** Fractions are allowed (`0.5` is 30 minutes); at least one second. */
  @Transform(toInt)
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(1 / 3600)
  IDEMPOTENCY_TTL_HOURS = 24;

  /** How often expired Idempotency-Key records are deleted; they are ignored once expired. */
  @Transform(toInt)
  @IsInt()
  @Min(1000)
  IDEMPOTENCY_PURGE_INTERVAL_MS = 600_000;

  /**
   * The first administrator's API key; on start, an `admin` client holding it is created if no
   * client holds it yet. A secret: from the environment only.
   */
  @IsOptional()
  @IsString()
  @MinLength(24)
  GATEWAY_ADMIN_KEY?: string;

  /** Requests per minute per client (per address on public routes), each gateway instance. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  GATEWAY_RATE_LIMIT_PER_MINUTE = 1200;

  /** `production` refuses the development data key and webhooks to plain HTTP or private addresses. */
  @IsOptional()
  @IsString()
  NODE_ENV?: string;

  /**
   * The keys sealing personal data at rest, `<id>:<base64 of 32 bytes>`, comma-separated; the
   * format is checked by DataKeyring. A secret: from the environment only.
   */
  @IsOptional()
  @IsString()
  GATEWAY_DATA_KEYS?: string;

  /** Which of GATEWAY_DATA_KEYS seals new data; the others only open what they sealed. */
  @IsOptional()
  @IsString()
  GATEWAY_DATA_KEY_ID?: string;

  /** How long a client's webhook receiver may take to answer before the attempt counts as failed. */
  @Transform(toInt)
  @IsInt()
  @Min(100)
  @Max(60000)
  WEBHOOK_TIMEOUT_MS = 5000;

  /** The wait before the first retry of a webhook delivery; it doubles with each failed attempt. */
  @Transform(toInt)
  @IsInt()
  @Min(10)
  WEBHOOK_RETRY_BASE_MS = 1000;

  /** The longest wait between two attempts of a webhook delivery. */
  @Transform(toInt)
  @IsInt()
  @Min(10)
  WEBHOOK_RETRY_MAX_MS = 600000;

  /** Attempts of one webhook delivery before it is given up, letting the next ones go. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  WEBHOOK_MAX_ATTEMPTS = 20;

  /** How often an idle webhook dispatcher looks for deliveries that are due. */
  @Transform(toInt)
  @IsInt()
  @Min(10)
  WEBHOOK_POLL_INTERVAL_MS = 500;

  /** A working calendar file replacing the shipped Indonesian holidays (libs/working-time/data). */
  @IsOptional()
  @IsString()
  WORKING_CALENDAR_FILE?: string;

  /**
   * Mounts /v1/seeding, which records applications, resubmissions and surveys at moments in the
   * past for demo data (`npm run seed`). Development only: `npm start` turns it on.
   */
  @Transform(({ value }: { value: unknown }) =>
    value === 'true' ? true : value === 'false' ? false : value,
  )
  @IsBoolean()
  GATEWAY_SEEDING_ENABLED = false;
}

export function validateGatewayConfig(raw: Record<string, unknown>): GatewayConfig {
  return validateEnvironment(GatewayConfig, raw, 'gateway');
}
