import { randomUUID } from 'node:crypto';
import type { EventType } from '@mpp/contracts';
import type { EntityManager } from 'typeorm';

export interface OutboxEntry {
  applicationId: string;
  topic: string;
  eventType: EventType;
  data: object;
  correlationId: string;
  traceparent?: string;
  createdAt: Date;
}

/**
 * Appends an event to the outbox in the caller's transaction and returns its event id. The
 * caller must hold the application's row (by creating or locking it): the relay's per-application
 * ordering relies on an application's records being numbered in commit order.
 */
export async function appendToOutbox(db: EntityManager, entry: OutboxEntry): Promise<string> {
  const eventId = randomUUID();
  await db.query(
    `INSERT INTO outbox (application_id, topic, event_id, event_type, payload, correlation_id,
       traceparent, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [
      entry.applicationId,
      entry.topic,
      eventId,
      entry.eventType,
      entry.data,
      entry.correlationId,
      entry.traceparent ?? null,
      entry.createdAt,
    ],
  );
  return eventId;
}
