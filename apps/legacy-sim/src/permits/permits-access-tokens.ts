import { randomBytes } from 'node:crypto';
import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { LEGACY_SIM_CONFIG, type LegacySimConfig } from '../config/legacy-sim.config';
import { SimulationReset } from '../control/simulation-reset';
import { basicCredentialsOf } from '../rest/authorization-header';
import { Refusal } from '../rest/refusal';
import { isSameSecret } from '../rest/same-secret';

/** The token response of RFC 6749 §5.1. */
export interface AccessTokenResponse {
  access_token: string;
  token_type: 'Bearer';
  expires_in: number;
}

const CLIENT_CREDENTIALS = 'client_credentials';

/** The OAuth2 client-credentials grant of the licensing system, and the tokens it has issued. */
@Injectable()
export class PermitsAccessTokens {
  private readonly expiries = new Map<string, number>();

  constructor(
    @Inject(LEGACY_SIM_CONFIG) private readonly config: LegacySimConfig,
    reset: SimulationReset,
  ) {
    reset.onReset(() => this.expiries.clear());
  }

  /** Issues a token to the client authenticated by HTTP Basic; refusals use RFC 6749 §5.2 codes. */
  grant(
    grantType: unknown,
    authorization: string | undefined,
    now = Date.now(),
  ): AccessTokenResponse {
    const client = basicCredentialsOf(authorization);
    const { clientId, clientSecret, tokenTtlSeconds } = this.config.permits;
    const known =
      isSameSecret(client?.user, clientId) && isSameSecret(client?.password, clientSecret);
    if (!known) {
      throw new Refusal(HttpStatus.UNAUTHORIZED, 'Klien tidak dikenal', {
        kode: 'invalid_client',
        headers: { 'WWW-Authenticate': 'Basic realm="oss"' },
      });
    }
    if (grantType === undefined || grantType === '') {
      throw new Refusal(HttpStatus.BAD_REQUEST, 'grant_type wajib diisi', {
        kode: 'invalid_request',
      });
    }
    if (grantType !== CLIENT_CREDENTIALS) {
      throw new Refusal(HttpStatus.BAD_REQUEST, `Hanya grant_type ${CLIENT_CREDENTIALS}`, {
        kode: 'unsupported_grant_type',
      });
    }
    this.forgetExpired(now);
    const token = randomBytes(24).toString('base64url');
    this.expiries.set(token, now + tokenTtlSeconds * 1000);
    return { access_token: token, token_type: 'Bearer', expires_in: tokenTtlSeconds };
  }

  isValid(token: string, now = Date.now()): boolean {
    const expiresAt = this.expiries.get(token);
    return expiresAt !== undefined && now < expiresAt;
  }

  private forgetExpired(now: number): void {
    for (const [token, expiresAt] of this.expiries) {
      if (expiresAt <= now) this.expiries.delete(token);
    }
  }
}
