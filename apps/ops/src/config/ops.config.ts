import { validateEnvironment } from '@mpp/config';
import { Transform } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, IsString, IsUrl, Matches, Max, Min } from 'class-validator';

const toInt = ({ value }: { value: unknown }) => (value === undefined ? undefined : Number(value));
const toBoolean = ({ value }: { value: unknown }) =>
  value === 'true' ? true : value === 'false' ? false : value;
const toList = ({ value }: { value: unknown }) =>
  typeof value === 'string'
    ? value
        .split(',')
        .map((item) => item.trim())
        .filter(Boolean)
    : value;

/** Every environment variable of the ops app; see docs/configuration.md. */
export class OpsConfig {
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(65535)
  OPS_PORT = 3300;

  @IsString()
  OPS_INSTANCE_ID = `ops-${process.pid}`;

  /** Shared by every ops instance: each flow record is stored once. */
  @IsString()
  OPS_FLOW_GROUP_ID = 'mpp-ops-flow';

  @IsString()
  OPS_REGISTRY_GROUP_ID = 'mpp-ops-registry';

  @IsString()
  OPS_DEAD_LETTER_GROUP_ID = 'mpp-ops-dead-letters';

  /** How often the broker is asked for dead-letter topics of agencies that appeared since. */
  @Transform(toInt)
  @IsInt()
  @Min(100)
  OPS_TOPIC_REFRESH_MS = 30000;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  OPS_FLOW_RETENTION_DAYS = 14;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  OPS_RETENTION_INTERVAL_MINUTES = 60;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(7 * 24 * 60)
  OPS_SESSION_TTL_MINUTES = 480;

  /** Off only for a dashboard served over plain HTTP to something other than this machine. */
  @Transform(toBoolean)
  @IsBoolean()
  OPS_SESSION_COOKIE_SECURE = true;

  /** Consumer groups whose lag is shown, by name prefix. */
  @Transform(toList)
  @IsString({ each: true })
  @Matches(/^[\w.-]+$/, { each: true })
  OPS_LAG_GROUP_PREFIXES: string[] = ['mpp-'];

  /** How often the dashboard's stream carries fresh agency health and lag. */
  @Transform(toInt)
  @IsInt()
  @Min(500)
  OPS_LIVE_INTERVAL_MS = 5000;

  /** The gateway whose reports the reports page shows. */
  @IsUrl({ require_tld: false, protocols: ['http', 'https'] })
  OPS_GATEWAY_URL = 'http://127.0.0.1:3000';

  /** A gateway API key of a client with the `ops` role, for the reports. A secret. */
  @IsOptional()
  @IsString()
  OPS_GATEWAY_API_KEY?: string;

  /** Or a file holding that key, read at each use, so a rotated key needs no restart. */
  @IsOptional()
  @IsString()
  OPS_GATEWAY_API_KEY_FILE?: string;
}

export function validateOpsConfig(raw: Record<string, unknown>): OpsConfig {
  return validateEnvironment(OpsConfig, raw, 'ops');
}
