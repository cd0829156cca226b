import { createHmac, timingSafeEqual } from 'node:crypto';

/** The headers the land system signs each callback attempt with. */
export const CallbackHeaders = {
  timestamp: 'x-bpb-timestamp',
  signature: 'x-bpb-signature',
} as const;

export interface SignedCallback {
  /** Unix seconds at this attempt, as sent in X-BPB-Timestamp. */
  timestamp: string | undefined;
  /** `sha256=<hex>`, as sent in X-BPB-Signature. */
  signature: string | undefined;
  /** The body exactly as received: the signature covers these bytes, not a re-serialisation. */
  rawBody: Buffer;
}

export interface SignaturePolicy {
  secret: string;
  /** How far the timestamp may be from now, either way. */
  toleranceSeconds: number;
}

export type SignatureVerdict = { authentic: true } | { authentic: false; reason: string };

/** `sha256=` and the hex HMAC-SHA256 of "<timestamp>.<raw body>" under the shared secret. */
export function callbackSignature(secret: string, timestamp: string, rawBody: Buffer): string {
  const digest = createHmac('sha256', secret).update(`${timestamp}.`).update(rawBody).digest('hex');
  return `sha256=${digest}`;
}

const TIMESTAMP = /^\d{1,12}$/;
const SIGNATURE = /^sha256=[0-9a-f]{64}$/i;

/**
 * Whether a callback comes from the land system and is fresh. A captured callback sent again
 * later carries a valid signature over its old timestamp: the time window is what refuses it.
 */
export function verifyCallbackSignature(
  callback: SignedCallback,
  policy: SignaturePolicy,
  nowMs: number = Date.now(),
): SignatureVerdict {
  const { timestamp, signature, rawBody } = callback;
  if (!timestamp || !TIMESTAMP.test(timestamp)) {
    return { authentic: false, reason: 'missing or malformed X-BPB-Timestamp' };
  }
  if (!signature || !SIGNATURE.test(signature)) {
    return { authentic: false, reason: 'missing or malformed X-BPB-Signature' };
  }
  const expected = Buffer.from(callbackSignature(policy.secret, timestamp, rawBody));
  // Both are "sha256=" and 64 hex digits, so the lengths match as timingSafeEqual requires.
  if (!timingSafeEqual(expected, Buffer.from(signature.toLowerCase()))) {
    return { authentic: false, reason: 'signature does not match' };
  }
  const skewSeconds = Math.abs(nowMs / 1000 - Number(timestamp));
  if (skewSeconds > policy.toleranceSeconds) {
    return {
      authentic: false,
      reason: `timestamp is ${Math.round(skewSeconds)} s from now, beyond ${policy.toleranceSeconds} s`,
    };
  }
  return { authentic: true };
}
