import { AccessTokenCache, type IssuedToken } from './access-token-cache';

describe('AccessTokenCache', () => {
  let now: number;
  let issued: number;
  let lifetimeMs: number;

  const issue = async (): Promise<IssuedToken> => {
    issued += 1;
    return { accessToken: `token-${issued}`, expiresInMs: lifetimeMs };
  };
  const cache = (refreshMarginMs = 30_000) =>
    new AccessTokenCache(issue, { refreshMarginMs, now: () => now });

  beforeEach(() => {
    now = 1_000_000;
    issued = 0;
    lifetimeMs = 300_000;
  });

  it('fetches on first need and reuses the token until shortly before it expires', async () => {
    const tokens = cache();
    expect(await tokens.token()).toBe('token-1');
    now += 269_999;
    expect(await tokens.token()).toBe('token-1');
    now += 1;
    expect(await tokens.token()).toBe('token-2');
    expect(issued).toBe(2);
  });

  it('renews a short-lived token at four fifths of its lifetime at the latest', async () => {
    lifetimeMs = 1_000;
    const tokens = cache();
    expect(await tokens.token()).toBe('token-1');
    now += 799;
    expect(await tokens.token()).toBe('token-1');
    now += 1;
    expect(await tokens.token()).toBe('token-2');
  });

  it('keeps a token without a stated lifetime until it is refused', async () => {
    lifetimeMs = Infinity;
    const tokens = cache();
    const first = await tokens.token();
    now += 365 * 86_400_000;
    expect(await tokens.token()).toBe(first);
    tokens.discard(first);
    expect(await tokens.token()).toBe('token-2');
  });

  it('lets concurrent callers share one fetch', async () => {
    let release!: () => void;
    const slow = new AccessTokenCache(
      async () => {
        issued += 1;
        await new Promise<void>((resolve) => (release = resolve));
        return { accessToken: 'shared', expiresInMs: lifetimeMs };
      },
      { refreshMarginMs: 0, now: () => now },
    );
    const callers = Promise.all([slow.token(), slow.token(), slow.token()]);
    await Promise.resolve();
    release();
    expect(await callers).toEqual(['shared', 'shared', 'shared']);
    expect(issued).toBe(1);
  });

  it('discards only the refused token, not one another caller has fetched since', async () => {
    const tokens = cache();
    const refused = await tokens.token();
    tokens.discard(refused);
    const fresh = await tokens.token();
    expect(fresh).toBe('token-2');
    tokens.discard(refused);
    expect(await tokens.token()).toBe(fresh);
    expect(issued).toBe(2);
  });

  it('does not remember a failed fetch', async () => {
    let fail = true;
    const tokens = new AccessTokenCache(
      async () => {
        if (fail) throw new Error('token endpoint down');
        return { accessToken: 'late', expiresInMs: lifetimeMs };
      },
      { refreshMarginMs: 0, now: () => now },
    );
    await expect(tokens.token()).rejects.toThrow('token endpoint down');
    fail = false;
    expect(await tokens.token()).toBe('late');
  });
});
