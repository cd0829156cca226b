import { createHash, timingSafeEqual } from 'node:crypto';

/** Compares a presented credential with the expected one without leaking where they differ. */
export function isSameSecret(presented: string | undefined, expected: string): boolean {
  if (presented === undefined) return false;
  const digest = (value: string): Buffer => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(presented), digest(expected));
}
