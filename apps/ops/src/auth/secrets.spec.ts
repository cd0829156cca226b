import { isApiKeyShaped, newApiKey, newSessionToken, secretHash } from './secrets';

describe('operator secrets', () => {
  it('makes keys of one recognisable shape, each different, stored only as a hash', () => {
    const first = newApiKey();
    const second = newApiKey();
    expect(isApiKeyShaped(first.key)).toBe(true);
    expect(first.key).not.toBe(second.key);
    expect(first.hash).toBe(secretHash(first.key));
    expect(first.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(first.hash).not.toContain(first.key);
  });

  it('hints at a key without giving it away', () => {
    const { key, hint } = newApiKey();
    expect(hint).toBe(`${key.slice(0, 13)}…`);
  });

  it('refuses shapes that are not keys', () => {
    expect(isApiKeyShaped('mppops_short')).toBe(false);
    expect(isApiKeyShaped(`Bearer ${newApiKey().key}`)).toBe(false);
  });

  it('makes session tokens stored as their hash', () => {
    const { token, hash } = newSessionToken();
    expect(hash).toBe(secretHash(token));
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });
});
