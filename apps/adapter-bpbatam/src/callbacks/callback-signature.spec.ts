import { callbackSignature, verifyCallbackSignature } from './callback-signature';

const SECRET = 'sim-land-callback-secret';
const POLICY = { secret: SECRET, toleranceSeconds: 300 };
const NOW_MS = 1_795_000_000_000;
const NOW_S = String(NOW_MS / 1000);
const BODY = Buffer.from(
  '{"id_event":"0b0a9d0e-4d0c-4a53-9a59-5d5c1f8f2b11","nomor_berkas":"BPB-000123","status":"SELESAI","nomor_sk":"SK/2026/7"}',
);

function signed(overrides: { timestamp?: string; body?: Buffer; secret?: string } = {}) {
  const timestamp = overrides.timestamp ?? NOW_S;
  const rawBody = overrides.body ?? BODY;
  return {
    timestamp,
    rawBody,
    signature: callbackSignature(overrides.secret ?? SECRET, timestamp, rawBody),
  };
}

const verify = (callback: Parameters<typeof verifyCallbackSignature>[0]) =>
  verifyCallbackSignature(callback, POLICY, NOW_MS);

describe('land callback signature', () => {
  it('accepts a callback signed with the shared secret over its timestamp and exact body', () => {
    expect(verify(signed())).toEqual({ authentic: true });
    const upperCaseHex = signed();
    upperCaseHex.signature = `sha256=${upperCaseHex.signature.slice(7).toUpperCase()}`;
    expect(verify(upperCaseHex)).toEqual({ authentic: true });
  });

  it('computes sha256=HMAC-SHA256(secret, "<timestamp>.<raw body>") in hex', () => {
    // Computed independently: printf '1700000000.{}' | openssl dgst -sha256 -hmac key
    expect(callbackSignature('key', '1700000000', Buffer.from('{}'))).toBe(
      'sha256=9d713ed406bb7076d4123f0dc2c39d2df5c654ed4b0cd56b52c8b4c940bd63ae',
    );
  });

  it('refuses a forged signature', () => {
    const forged = { ...signed(), signature: `sha256=${'ab'.repeat(32)}` };
    expect(verify(forged)).toEqual({ authentic: false, reason: 'signature does not match' });
  });

  it('refuses a callback signed with another secret', () => {
    expect(verify(signed({ secret: 'someone-elses-secret' })).authentic).toBe(false);
  });

  it('refuses a body altered by one byte', () => {
    const callback = signed();
    const altered = Buffer.from(callback.rawBody);
    altered[altered.length - 3] ^= 0x01;
    expect(verify({ ...callback, rawBody: altered })).toEqual({
      authentic: false,
      reason: 'signature does not match',
    });
  });

  it('refuses a signature over another timestamp than the one sent', () => {
    const callback = signed();
    expect(verify({ ...callback, timestamp: String(NOW_MS / 1000 + 1) }).authentic).toBe(false);
  });

  it('refuses a stale timestamp, as when a captured callback is replayed', () => {
    expect(verify(signed({ timestamp: String(NOW_MS / 1000 - 300) })).authentic).toBe(true);
    expect(verify(signed({ timestamp: String(NOW_MS / 1000 - 301) }))).toEqual({
      authentic: false,
      reason: 'timestamp is 301 s from now, beyond 300 s',
    });
  });

  it('refuses a timestamp too far in the future', () => {
    expect(verify(signed({ timestamp: String(NOW_MS / 1000 + 300) })).authentic).toBe(true);
    expect(verify(signed({ timestamp: String(NOW_MS / 1000 + 301) })).authentic).toBe(false);
  });

  it('refuses missing or malformed headers', () => {
    const callback = signed();
    expect(verify({ ...callback, signature: undefined }).authentic).toBe(false);
    expect(verify({ ...callback, timestamp: undefined }).authentic).toBe(false);
    expect(verify({ ...callback, timestamp: '2026-11-01T00:00:00Z' }).authentic).toBe(false);
    expect(verify({ ...callback, signature: callback.signature.slice(7) }).authentic).toBe(false);
    expect(verify({ ...callback, signature: `${callback.signature}00` }).authentic).toBe(false);
  });
});
