import { Transform } from 'class-transformer';
import { IsInt, IsUrl, Min } from 'class-validator';

const toInt = ({ value }: { value: unknown }) => (value === undefined ? undefined : Number(value));

/** Where and how to reach the civil registry; see docs/configuration.md. */
export class CivilRegistryConfig {
  @IsUrl({ require_tld: false, protocols: ['http', 'https'] })
  CIVIL_REGISTRY_URL = 'http://127.0.0.1:3100/disdukcapil/ws';

  @Transform(toInt)
  @IsInt()
  @Min(100)
  CIVIL_REGISTRY_TIMEOUT_MS = 5000;
}
