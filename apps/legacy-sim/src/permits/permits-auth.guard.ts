import { CanActivate, ExecutionContext, HttpStatus, Inject, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { LEGACY_SIM_CONFIG, type LegacySimConfig } from '../config/legacy-sim.config';
import { basicCredentialsOf, bearerTokenOf } from '../rest/authorization-header';
import { Refusal } from '../rest/refusal';
import { isSameSecret } from '../rest/same-secret';
import { PermitsAccessTokens } from './permits-access-tokens';

/**
 * Every call carries the `user_key` of the API gateway in front of the system and, on top of
 * it, either HTTP Basic credentials or a bearer token from the client-credentials grant.
 */
@Injectable()
export class PermitsAuthGuard implements CanActivate {
  constructor(
    @Inject(LEGACY_SIM_CONFIG) private readonly config: LegacySimConfig,
    private readonly tokens: PermitsAccessTokens,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<Request>();
    const { userKey, basicUser, basicPassword } = this.config.permits;
    if (!isSameSecret(request.get('user_key'), userKey)) {
      throw unauthorized('user_key tidak ada atau tidak dikenal');
    }
    const authorization = request.get('authorization');
    const token = bearerTokenOf(authorization);
    if (token !== undefined) {
      if (this.tokens.isValid(token)) return true;
      throw unauthorized('Token akses tidak dikenal atau sudah kedaluwarsa', {
        'WWW-Authenticate': 'Bearer error="invalid_token"',
      });
    }
    const basic = basicCredentialsOf(authorization);
    if (isSameSecret(basic?.user, basicUser) && isSameSecret(basic?.password, basicPassword)) {
      return true;
    }
    throw unauthorized('Kredensial tidak ada atau tidak valid', {
      'WWW-Authenticate': 'Basic realm="oss", Bearer realm="oss"',
    });
  }
}

function unauthorized(message: string, headers?: Record<string, string>): Refusal {
  return new Refusal(HttpStatus.UNAUTHORIZED, message, { headers });
}
