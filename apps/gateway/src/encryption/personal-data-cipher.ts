import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { DataKeyring } from './data-keyring';

const ALGORITHM = 'A256GCM';
const IV_BYTES = 12;

/**
 * A value sealed with AES-256-GCM, as stored in a jsonb column in place of the value: the key id
 * travels with it, so a value sealed before a key rotation still opens after it.
 */
export interface SealedValue {
  alg: typeof ALGORITHM;
  kid: string;
  iv: string;
  ct: string;
  tag: string;
}

/**
 * Seals and opens personal data with the gateway's data keys. Each value is bound to where it is
 * stored (its context, e.g. the application it belongs to) as additional authenticated data, so
 * a sealed value copied to another row does not open there.
 */
export class PersonalDataCipher {
  constructor(private readonly keyring: DataKeyring) {}

  seal(value: unknown, context: string, keyId = this.keyring.activeKeyId): SealedValue {
    const key = this.keyring.key(keyId);
    if (!key) throw new Error(`no data key "${keyId}"`);
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    cipher.setAAD(Buffer.from(context, 'utf8'));
    const ciphertext = Buffer.concat([
      cipher.update(JSON.stringify(value), 'utf8'),
      cipher.final(),
    ]);
    return {
      alg: ALGORITHM,
      kid: keyId,
      iv: iv.toString('base64'),
      ct: ciphertext.toString('base64'),
      tag: cipher.getAuthTag().toString('base64'),
    };
  }

  /**
   * The value a sealed one stands for. A value that was never sealed is returned as it is: rows
   * written by a gateway of the previous version during a rolling upgrade.
   */
  open<T>(stored: unknown, context: string): T {
    if (!isSealed(stored)) return stored as T;
    const key = this.keyring.key(stored.kid);
    if (!key) throw new PersonalDataUnreadable(stored.kid, 'that key is not in GATEWAY_DATA_KEYS');
    try {
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(stored.iv, 'base64'));
      decipher.setAAD(Buffer.from(context, 'utf8'));
      decipher.setAuthTag(Buffer.from(stored.tag, 'base64'));
      const plain = Buffer.concat([
        decipher.update(Buffer.from(stored.ct, 'base64')),
        decipher.final(),
      ]);
      return JSON.parse(plain.toString('utf8')) as T;
    } catch {
      throw new PersonalDataUnreadable(
        stored.kid,
        'the key does not open it: a different key under that id, or the value was altered',
      );
    }
  }
}

export function isSealed(value: unknown): value is SealedValue {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Partial<SealedValue>;
  return (
    candidate.alg === ALGORITHM &&
    typeof candidate.kid === 'string' &&
    typeof candidate.iv === 'string' &&
    typeof candidate.ct === 'string' &&
    typeof candidate.tag === 'string'
  );
}

/** Stored personal data that cannot be decrypted: a configuration fault operators must fix. */
export class PersonalDataUnreadable extends Error {
  constructor(keyId: string, why: string) {
    super(`personal data sealed with data key "${keyId}" cannot be decrypted: ${why}`);
    this.name = 'PersonalDataUnreadable';
  }
}
