import { createHmac } from 'node:crypto';
import { CALLBACK_SIGNATURE_HEADER, CALLBACK_TIMESTAMP_HEADER } from './land.contract';

/**
 * Headers that let a receiver check a callback: the HMAC-SHA256 of "<timestamp>.<raw body>".
 * The timestamp is signed with the body so a captured callback cannot be replayed later.
 */
export function signedCallbackHeaders(
  secret: string,
  rawBody: string,
  at = new Date(),
): Record<string, string> {
  const timestamp = String(Math.floor(at.getTime() / 1000));
  const signature = createHmac('sha256', secret).update(`${timestamp}.${rawBody}`).digest('hex');
  return {
    [CALLBACK_TIMESTAMP_HEADER]: timestamp,
    [CALLBACK_SIGNATURE_HEADER]: `sha256=${signature}`,
  };
}
