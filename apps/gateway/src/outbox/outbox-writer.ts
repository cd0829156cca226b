import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EventType } from '@mpp/contracts';
import type { EntityManager } from 'typeorm';
import { PersonalDataCipher } from '../encryption/personal-data-cipher';
import { SealingContexts } from '../encryption/sealing-contexts';

export interface OutboxEntry {
  applicationId: string;
  topic: string;
  eventType: EventType;
  data: object;
  correlationId: string;
  traceparent?: string;
  createdAt: Date;
}

/** Appends events to the outbox; their payloads carry personal data, so they are sealed. */
@Injectable()
export class OutboxWriter {
  constructor(private readonly cipher: PersonalDataCipher) {}

  /**
   * Appends an event in the caller's transaction and returns its event id. The caller must hold
   * the application's row (by creating or locking it): the relay's per-application ordering
   * relies on an application's records being numbered in commit order.
   */
  async append(db: EntityManager, entry: OutboxEntry): Promise<string> {
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
        this.cipher.seal(entry.data, SealingContexts.outboxPayload(eventId)),
        entry.correlationId,
        entry.traceparent ?? null,
        entry.createdAt,
      ],
    );
    return eventId;
  }
}
