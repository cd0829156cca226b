import { createHmac, randomBytes } from 'node:crypto';

/** The headers of every webhook delivery; receivers verify the signature before the body. */
export const WebhookHeaders = {
  /** Unix seconds when this attempt was signed. */
  timestamp: 'x-mpp-timestamp',
  /** `sha256=<hex>`: HMAC-SHA256 with the client's secret over `<timestamp>.<raw body>`. */
  signature: 'x-mpp-signature',
  /** The delivery's id, the same on every retry: receivers drop one they already took. */
  delivery: 'x-mpp-delivery',
} as const;

/** How far a receiver should let a delivery's timestamp be from its own clock, either way. */
export const WEBHOOK_REPLAY_WINDOW_SECONDS = 300;

/** A new signing secret: 256 random bits, shown to the client once. */
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString('base64url')}`;
}

export function webhookSignature(secret: string, timestamp: number, rawBody: string): string {
  const mac = createHmac('sha256', secret).update(`${timestamp}.${rawBody}`, 'utf8');
  return `sha256=${mac.digest('hex')}`;
}
