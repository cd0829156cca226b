/** A bearer token as the authorization server issued it. */
export interface IssuedToken {
  accessToken: string;
  /** Lifetime from the moment it was requested; `Infinity` when the server did not say. */
  expiresInMs: number;
}

export interface AccessTokenCacheOptions {
  /** Renew this long before the token expires; at most a fifth of its lifetime. */
  refreshMarginMs: number;
  now?: () => number;
}

/**
 * Holds one bearer token: fetched when first needed, reused until shortly before it expires,
 * then fetched again. Callers that arrive while a fetch is under way share that fetch; a fetch
 * that fails is not remembered, so the next caller tries again.
 */
export class AccessTokenCache {
  private cached?: { token: string; renewAt: number };
  private fetching?: Promise<string>;
  private readonly now: () => number;

  constructor(
    private readonly issue: () => Promise<IssuedToken>,
    private readonly options: AccessTokenCacheOptions,
  ) {
    this.now = options.now ?? Date.now;
  }

  async token(): Promise<string> {
    if (this.cached && this.now() < this.cached.renewAt) return this.cached.token;
    this.fetching ??= this.fetch().finally(() => (this.fetching = undefined));
    return this.fetching;
  }

  /**
   * The server refused `token`: the next caller fetches a new one. A token another caller has
   * already replaced it with is kept.
   */
  discard(token: string): void {
    if (this.cached?.token === token) this.cached = undefined;
  }

  private async fetch(): Promise<string> {
    // Counted from the request, not the answer, so a slow answer cannot stretch the lifetime.
    const requestedAt = this.now();
    const { accessToken, expiresInMs } = await this.issue();
    const margin = Math.min(this.options.refreshMarginMs, expiresInMs / 5);
    this.cached = { token: accessToken, renewAt: requestedAt + expiresInMs - margin };
    return accessToken;
  }
}
