import { Logger, type Provider } from '@nestjs/common';
import { validateEnvironment } from '@mpp/config';
import { Transform } from 'class-transformer';
import { IsInt, IsString, IsUrl, Max, Min, MinLength } from 'class-validator';

const toInt = ({ value }: { value: unknown }) => (value === undefined ? undefined : Number(value));
const HTTP_URL = { require_tld: false, protocols: ['http', 'https'] };

/** Where and how to reach BP Batam's land system, and how it reaches us; see docs/configuration.md. */
export class LandSystemConfig {
  @IsUrl(HTTP_URL)
  LAND_BASE_URL = 'http://127.0.0.1:3100/bpbatam/api';

  @IsString()
  @MinLength(1)
  LAND_API_KEY = 'sim-land-key';

  /** Shared with the land system, which signs every callback with it. */
  @IsString()
  @MinLength(1)
  LAND_CALLBACK_SECRET = 'sim-land-callback-secret';

  /** Where the land system must call back: this adapter's callback endpoint as it reaches it. */
  @IsUrl(HTTP_URL)
  LAND_CALLBACK_URL = 'http://127.0.0.1:3203/callbacks/land';

  /** How far a callback's timestamp may be from now, either way, before it counts as a replay. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(3600)
  LAND_CALLBACK_TOLERANCE_S = 300;

  @Transform(toInt)
  @IsInt()
  @Min(100)
  LAND_TIMEOUT_MS = 5000;
}

const SECRETS = ['LAND_API_KEY', 'LAND_CALLBACK_SECRET'] as const;

/**
 * The land system settings, validated from the environment when the adapter is created. The
 * secrets default to the simulator's published values so a development stack starts as is; a
 * deployment that keeps them is warned at start, since anyone could then sign callbacks.
 */
export const landSystemConfig: Provider = {
  provide: LandSystemConfig,
  useFactory: (): LandSystemConfig => {
    const config = validateEnvironment(LandSystemConfig, process.env, 'adapter-bpbatam');
    const simulatorDefaults = new LandSystemConfig();
    const unchanged = SECRETS.filter((name) => config[name] === simulatorDefaults[name]);
    if (unchanged.length > 0) {
      new Logger(LandSystemConfig.name).warn(
        `${unchanged.join(' and ')} still hold the legacy simulator's development values; set them for any real land system`,
      );
    }
    return config;
  },
};
