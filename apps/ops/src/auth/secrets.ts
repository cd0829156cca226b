import { createHash, randomBytes } from 'node:crypto';

const API_KEY_PREFIX = 'mppops_';
const API_KEY = /^mppops_[A-Za-z0-9_-]{43}$/;

export interface NewApiKey {
  /** Shown once to whoever asked for it; never stored. */
  key: string;
  hash: string;
  /** Enough of the key to tell keys apart in a list, not to use one. */
  hint: string;
}

/**
 * Keys and session tokens carry 256 random bits, so a plain SHA-256 is enough to store them:
 * there is nothing to guess that a slow hash would protect.
 */
export function secretHash(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

export function newApiKey(): NewApiKey {
  const key = `${API_KEY_PREFIX}${randomBytes(32).toString('base64url')}`;
  return { key, hash: secretHash(key), hint: `${key.slice(0, API_KEY_PREFIX.length + 6)}…` };
}

export function isApiKeyShaped(value: string): boolean {
  return API_KEY.test(value);
}

export function newSessionToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: secretHash(token) };
}
