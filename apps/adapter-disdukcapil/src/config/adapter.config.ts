import { validateEnvironment } from '@mpp/config';
import { Transform } from 'class-transformer';
import { IsInt, IsString, IsUrl, Max, Min } from 'class-validator';

const toInt = ({ value }: { value: unknown }) => (value === undefined ? undefined : Number(value));

/** Every environment variable of the Disdukcapil adapter; see docs/configuration.md. */
export class AdapterConfig {
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(65535)
  ADAPTER_PORT = 3201;

  @IsString()
  ADAPTER_INSTANCE_ID = `adapter-disdukcapil-${process.pid}`;

  @IsString()
  ADAPTER_GROUP_ID = 'mpp-adapter-disdukcapil';

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(64)
  ADAPTER_PARTITION_CONCURRENCY = 3;

  @IsUrl({ require_tld: false, protocols: ['http', 'https'] })
  CIVIL_REGISTRY_URL = 'http://127.0.0.1:3100/disdukcapil/ws';

  @Transform(toInt)
  @IsInt()
  @Min(100)
  CIVIL_REGISTRY_TIMEOUT_MS = 5000;

  /** In-process attempts for a transient legacy failure before Kafka redelivers the message. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(10)
  CIVIL_REGISTRY_ATTEMPTS = 3;

  @Transform(toInt)
  @IsInt()
  @Min(10)
  CIVIL_REGISTRY_RETRY_BASE_MS = 200;

  @Transform(toInt)
  @IsInt()
  @Min(50)
  STATUS_POLL_INTERVAL_MS = 5000;

  @Transform(toInt)
  @IsInt()
  @Min(100)
  HEARTBEAT_INTERVAL_MS = 10000;
}

export function validateAdapterConfig(raw: Record<string, unknown>): AdapterConfig {
  return validateEnvironment(AdapterConfig, raw, 'adapter');
}
