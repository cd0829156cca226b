import { createHash } from 'node:crypto';

const KEY_ID = /^[A-Za-z0-9_-]{1,32}$/;
const KEY_BYTES = 32;
const STRICT_BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

export const DEVELOPMENT_DATA_KEY_ID = 'dev';
/** Known to anyone who reads this file: for development and tests only, refused in production. */
const DEVELOPMENT_DATA_KEY = createHash('sha256')
  .update('mpp-gateway development data key, never for production')
  .digest();

export interface DataKeySettings {
  NODE_ENV?: string;
  GATEWAY_DATA_KEYS?: string;
  GATEWAY_DATA_KEY_ID?: string;
}

/**
 * The AES-256 keys personal data is sealed with, by id: the active one seals, every listed one
 * opens what it sealed, so a retired key stays listed until nothing sealed with it remains.
 */
export class DataKeyring {
  private constructor(
    readonly activeKeyId: string,
    private readonly keys: ReadonlyMap<string, Buffer>,
  ) {}

  /**
   * From `GATEWAY_DATA_KEYS` (`<id>:<base64 of 32 bytes>`, comma-separated) and
   * `GATEWAY_DATA_KEY_ID`. Without both, only outside production, the development key.
   * Anything missing or malformed stops the gateway at start, with what is wrong.
   */
  static fromSettings(settings: DataKeySettings): DataKeyring {
    const production = settings.NODE_ENV === 'production';
    const { GATEWAY_DATA_KEYS: listed, GATEWAY_DATA_KEY_ID: activeKeyId } = settings;
    if (!listed && !activeKeyId) {
      if (production) {
        throw new KeyringError(
          'GATEWAY_DATA_KEYS and GATEWAY_DATA_KEY_ID are required in production',
        );
      }
      return new DataKeyring(
        DEVELOPMENT_DATA_KEY_ID,
        new Map([[DEVELOPMENT_DATA_KEY_ID, DEVELOPMENT_DATA_KEY]]),
      );
    }
    if (!listed || !activeKeyId) {
      throw new KeyringError('GATEWAY_DATA_KEYS and GATEWAY_DATA_KEY_ID must be set together');
    }
    const keys = new Map<string, Buffer>();
    for (const entry of listed.split(',').map((item) => item.trim())) {
      const [id, key] = parseEntry(entry);
      if (keys.has(id)) throw new KeyringError(`key id "${id}" is listed twice`);
      if (production && key.equals(DEVELOPMENT_DATA_KEY)) {
        throw new KeyringError(`key "${id}" is the development key, refused in production`);
      }
      keys.set(id, key);
    }
    if (!keys.has(activeKeyId)) {
      throw new KeyringError(`GATEWAY_DATA_KEY_ID "${activeKeyId}" is not in GATEWAY_DATA_KEYS`);
    }
    return new DataKeyring(activeKeyId, keys);
  }

  get usesDevelopmentKey(): boolean {
    return this.keys.get(this.activeKeyId)!.equals(DEVELOPMENT_DATA_KEY);
  }

  get keyIds(): string[] {
    return [...this.keys.keys()];
  }

  key(id: string): Buffer | undefined {
    return this.keys.get(id);
  }
}

/** Never quotes a key: the message ends up in logs. */
export class KeyringError extends Error {
  constructor(problem: string) {
    super(`invalid gateway data keys: ${problem}`);
    this.name = 'KeyringError';
  }
}

function parseEntry(entry: string): [string, Buffer] {
  const separator = entry.indexOf(':');
  const id = entry.slice(0, Math.max(separator, 0));
  const encoded = entry.slice(separator + 1);
  if (separator < 0 || !KEY_ID.test(id)) {
    throw new KeyringError('each entry is <id>:<base64 key>, the id 1-32 of A-Z a-z 0-9 _ -');
  }
  const key = Buffer.from(encoded, 'base64');
  if (!STRICT_BASE64.test(encoded) || key.length !== KEY_BYTES) {
    throw new KeyringError(`key "${id}" must be ${KEY_BYTES} bytes in base64`);
  }
  return [id, key];
}
