import { LegacyUnavailable } from '@mpp/adapter-sdk';
import { AccessTokenCache, type IssuedToken } from './access-token-cache';
import type { OssRbaConfig } from './oss-rba.config';
import { summaryOf, type OssRbaTransport } from './oss-rba.transport';

/** How a call proves who we are, on top of the `user_key`. */
export interface OssRbaAuthorization {
  /** The `Authorization` header for the next call. */
  header(): Promise<string>;
  /**
   * OSS-RBA refused `header` as an invalid or expired token. Answers whether the call is worth
   * repeating with a fresh one.
   */
  refused(header: string): boolean;
}

export function ossRbaAuthorizationOf(
  config: OssRbaConfig,
  transport: OssRbaTransport,
): OssRbaAuthorization {
  if (config.OSS_AUTH_MODE === 'basic') {
    return new BasicAuthorization(basic(config.OSS_BASIC_USER, config.OSS_BASIC_PASSWORD));
  }
  const client = basic(config.OSS_CLIENT_ID, config.OSS_CLIENT_SECRET);
  return new BearerAuthorization(
    new AccessTokenCache(() => clientCredentialsGrant(transport, client), {
      refreshMarginMs: config.OSS_TOKEN_REFRESH_MARGIN_MS,
    }),
  );
}

class BasicAuthorization implements OssRbaAuthorization {
  constructor(private readonly credentials: string) {}

  async header(): Promise<string> {
    return this.credentials;
  }

  refused(): boolean {
    return false;
  }
}

const BEARER = 'Bearer ';

class BearerAuthorization implements OssRbaAuthorization {
  constructor(private readonly tokens: AccessTokenCache) {}

  async header(): Promise<string> {
    return `${BEARER}${await this.tokens.token()}`;
  }

  refused(header: string): boolean {
    this.tokens.discard(header.slice(BEARER.length));
    return true;
  }
}

interface TokenResponse {
  access_token?: unknown;
  token_type?: unknown;
  expires_in?: unknown;
}

/** The OAuth2 client-credentials grant (RFC 6749 §4.4), the client authenticated by HTTP Basic. */
async function clientCredentialsGrant(
  transport: OssRbaTransport,
  client: string,
): Promise<IssuedToken> {
  const response = await transport.send('token', {
    method: 'POST',
    path: 'oauth/token',
    body: new URLSearchParams({ grant_type: 'client_credentials' }).toString(),
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Authorization: client },
  });
  if (response.status === 401) {
    // As with refused call credentials: the messages wait for a fix, none is parked.
    throw new LegacyUnavailable(`OSS-RBA refused the client credentials: ${summaryOf(response)}`);
  }
  if (response.status !== 200) throw new Error(`token request answered ${summaryOf(response)}`);
  const { access_token, token_type, expires_in } = response.data as TokenResponse;
  if (typeof access_token !== 'string' || access_token === '') {
    throw new LegacyUnavailable('token answer without an access_token');
  }
  if (typeof token_type === 'string' && token_type.toLowerCase() !== 'bearer') {
    throw new Error(`token of type ${token_type}, not Bearer`);
  }
  const lifetimeSeconds = Number(expires_in);
  return {
    accessToken: access_token,
    expiresInMs: lifetimeSeconds > 0 ? lifetimeSeconds * 1000 : Infinity,
  };
}

function basic(user: string, password: string): string {
  return `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
}
