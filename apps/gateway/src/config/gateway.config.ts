import { validateEnvironment } from '@mpp/config';
import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, Min, MinLength } from 'class-validator';

export const GATEWAY_ROLES = ['api', 'relay', 'status', 'catalog'] as const;
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

  @Transform(toInt)
  @IsInt()
  @Min(1)
  IDEMPOTENCY_TTL_HOURS = 24;

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

  /** A working calendar file replacing the shipped Indonesian holidays (libs/working-time/data). */
  @IsOptional()
  @IsString()
  WORKING_CALENDAR_FILE?: string;
}

export function validateGatewayConfig(raw: Record<string, unknown>): GatewayConfig {
  return validateEnvironment(GatewayConfig, raw, 'gateway');
}
