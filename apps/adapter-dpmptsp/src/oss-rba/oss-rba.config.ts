import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsString, IsUrl, Min, MinLength } from 'class-validator';

const toInt = ({ value }: { value: unknown }) => (value === undefined ? undefined : Number(value));

export const OSS_AUTH_MODES = ['basic', 'oauth2'] as const;
export type OssAuthMode = (typeof OSS_AUTH_MODES)[number];

/**
 * Where and how to reach OSS-RBA; see docs/configuration.md. The defaults are the simulator's
 * development credentials; a deployment sets its own through the environment.
 */
export class OssRbaConfig {
  @IsUrl({ require_tld: false, protocols: ['http', 'https'] })
  OSS_BASE_URL = 'http://127.0.0.1:3100/oss/v1';

  /** Key of the API gateway in front of OSS-RBA, sent on every call. */
  @IsString()
  @MinLength(1)
  OSS_USER_KEY = 'sim-user-key';

  @IsIn(OSS_AUTH_MODES)
  OSS_AUTH_MODE: OssAuthMode = 'basic';

  @IsString()
  @MinLength(1)
  OSS_BASIC_USER = 'mpp';

  @IsString()
  @MinLength(1)
  OSS_BASIC_PASSWORD = 'mpp-secret';

  @IsString()
  @MinLength(1)
  OSS_CLIENT_ID = 'mpp-gateway';

  @IsString()
  @MinLength(1)
  OSS_CLIENT_SECRET = 'mpp-oauth-secret';

  /** A token is renewed this long before it expires (at most a fifth of its lifetime). */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  OSS_TOKEN_REFRESH_MARGIN_MS = 30000;

  @Transform(toInt)
  @IsInt()
  @Min(100)
  OSS_TIMEOUT_MS = 5000;
}
