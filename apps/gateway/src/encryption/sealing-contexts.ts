/** Where each sealed value lives; bound into its ciphertext so it opens only there. */
export const SealingContexts = {
  applicant: (applicationId: string) => `application:${applicationId}:applicant`,
  outboxPayload: (eventId: string) => `outbox:${eventId}:payload`,
  idempotentAnswer: (clientId: string, key: string) => `idempotency:${clientId}:${key}`,
  webhookSecret: (clientId: string) => `webhook:${clientId}:secret`,
  keyCheck: (keyId: string) => `data-key-check:${keyId}`,
} as const;
