import { validateEnvironment } from '@mpp/config';
import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsString, Max, Min } from 'class-validator';

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
}

export function validateGatewayConfig(raw: Record<string, unknown>): GatewayConfig {
  return validateEnvironment(GatewayConfig, raw, 'gateway');
}
