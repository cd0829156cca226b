import { CanActivate, ExecutionContext, HttpStatus, Inject, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { LEGACY_SIM_CONFIG, type LegacySimConfig } from '../config/legacy-sim.config';
import { Refusal } from '../rest/refusal';
import { isSameSecret } from '../rest/same-secret';

/** Every call to the land system carries its API key in `X-Api-Key`. */
@Injectable()
export class LandApiKeyGuard implements CanActivate {
  constructor(@Inject(LEGACY_SIM_CONFIG) private readonly config: LegacySimConfig) {}

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<Request>();
    if (isSameSecret(request.get('x-api-key'), this.config.land.apiKey)) return true;
    throw new Refusal(HttpStatus.UNAUTHORIZED, 'X-Api-Key tidak ada atau tidak dikenal', {
      kode: 'API_KEY_TIDAK_VALID',
    });
  }
}
