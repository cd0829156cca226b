import { IsBoolean, IsInt, IsNumber, IsOptional, Max, Min } from 'class-validator';
import type { FaultProfile } from './fault-profile';

const TEN_MINUTES_MS = 600_000;
const ONE_DAY_MS = 86_400_000;
const MAX_RATE_PER_SECOND = 100_000;

/** Body of PUT (absent knobs take their defaults) and PATCH (absent knobs stay as they are). */
export class FaultProfileDto implements Partial<FaultProfile> {
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(TEN_MINUTES_MS)
  latencyMs?: number;

  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(1)
  errorRate?: number;

  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(1)
  timeoutRate?: number;

  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(TEN_MINUTES_MS)
  timeoutHoldMs?: number;

  @IsOptional()
  @IsBoolean()
  maintenance?: boolean;

  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(ONE_DAY_MS)
  processingMs?: number;

  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_RATE_PER_SECOND)
  rateLimitPerSecond?: number;
}
