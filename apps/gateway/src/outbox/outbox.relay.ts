import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  agencyOfApplicationsTopic,
  agencyTopicSpecs,
  CLOUDEVENTS_SPEC_VERSION,
  EventSources,
  FlowHops,
  type CloudEvent,
} from '@mpp/contracts';
import { FlowRecorder, traceIdOf } from '@mpp/flow';
import {
  CloudEventPublisher,
  KAFKA_CLIENT,
  provisionTopics,
  type PublishedEvent,
} from '@mpp/kafka';
import type { Kafka } from 'kafkajs';
import { DataSource, type EntityManager } from 'typeorm';
import type { GatewayConfig } from '../config/gateway.config';
import { PersonalDataCipher } from '../encryption/personal-data-cipher';
import { SealingContexts } from '../encryption/sealing-contexts';

interface PendingRecord {
  id: string;
  application_id: string;
  topic: string;
  event_id: string;
  event_type: string;
  payload: Record<string, unknown>;
  correlation_id: string;
  traceparent: string | null;
  created_at: Date;
}

const MAX_BACKOFF_MS = 5000;
const UNREADABLE_WARNING_INTERVAL_MS = 60_000;

/**
 * Publishes committed outbox records to Kafka and marks them published. Several gateway
 * instances can relay at once: rows are claimed with SKIP LOCKED, and a record is only
 * eligible when no earlier record of the same application is still pending, which keeps
 * each application's events in order. A crash before the mark leaves the rows pending, so
 * they are published again (at least once; consumers deduplicate by event id).
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(OutboxRelay.name);
  private running = false;
  private loop?: Promise<void>;
  private wake?: () => void;
  private nudged = false;
  private readonly provisionedTopics = new Set<string>();
  private lastUnreadableWarning = 0;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly publisher: CloudEventPublisher,
    @Inject(KAFKA_CLIENT) private readonly kafka: Kafka,
    private readonly config: ConfigService<GatewayConfig, true>,
    private readonly flow: FlowRecorder,
    private readonly cipher: PersonalDataCipher,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.get('GATEWAY_ROLES', { infer: true }).includes('relay')) return;
    this.running = true;
    this.loop = this.run();
  }

  async onApplicationShutdown(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
  }

  /** Asks the relay to look for new records now rather than at its next poll. */
  nudge(): void {
    this.nudged = true;
    this.wake?.();
  }

  /** Publishes one batch of pending records; returns how many were published. */
  async relayOnce(): Promise<number> {
    const batchSize = this.config.get('OUTBOX_BATCH_SIZE', { infer: true });
    const relayed = await this.db.transaction(async (tx) => {
      const claimed: PendingRecord[] = await tx.query(
        `SELECT o.id, o.application_id, o.topic, o.event_id, o.event_type, o.payload,
                o.correlation_id, o.traceparent, o.created_at
           FROM outbox o
          WHERE o.published_at IS NULL
            AND NOT EXISTS (
              SELECT 1 FROM outbox earlier
               WHERE earlier.application_id = o.application_id
                 AND earlier.published_at IS NULL
                 AND earlier.id < o.id)
          ORDER BY o.id
          LIMIT $1
          FOR UPDATE SKIP LOCKED`,
        [batchSize],
      );
      const records = await this.openPayloads(tx, claimed);
      if (records.length === 0) return [];
      let published;
      let publishedAt: Date;
      try {
        await this.ensureTopics(records);
        published = await this.publisher.publish(
          records.map((record) => ({
            topic: record.topic,
            key: record.application_id,
            event: toCloudEvent(record),
          })),
        );
        publishedAt = new Date();
      } catch (error) {
        throw new OutboxBatchNotPublished(
          records.map((record) => record.id),
          error,
        );
      }
      await tx.query(
        `UPDATE outbox AS o
            SET published_at = now(), partition = p.partition, kafka_offset = p.kafka_offset,
                attempts = o.attempts + 1, last_error = NULL
           FROM unnest($1::bigint[], $2::int[], $3::bigint[]) AS p(id, partition, kafka_offset)
          WHERE o.id = p.id`,
        [
          records.map((record) => record.id),
          published.map((event) => event.partition),
          published.map((event) => event.offset),
        ],
      );
      return records.map((record, index) => ({ record, placed: published[index], publishedAt }));
    });
    for (const { record, placed, publishedAt } of relayed) {
      this.recordHop(record, placed, publishedAt);
    }
    return relayed.length;
  }

  /**
   * The claimed records with their payloads opened: adapters need the applicant, so personal data
   * leaves its seal only on its way to Kafka. A record that cannot be opened (its data key is
   * missing or wrong) stays pending with the error on it; it holds back only its own
   * application's later events, which are never claimed before it.
   */
  private async openPayloads(
    tx: EntityManager,
    claimed: PendingRecord[],
  ): Promise<PendingRecord[]> {
    const opened: PendingRecord[] = [];
    const unreadable: string[] = [];
    let failure = '';
    for (const record of claimed) {
      try {
        const context = SealingContexts.outboxPayload(record.event_id);
        opened.push({ ...record, payload: this.cipher.open(record.payload, context) });
      } catch (error) {
        unreadable.push(record.id);
        failure = String(error);
      }
    }
    if (unreadable.length > 0) {
      await tx.query(
        `UPDATE outbox SET attempts = attempts + 1, last_error = $2 WHERE id = ANY($1::bigint[])`,
        [unreadable, failure.slice(0, 1000)],
      );
      if (Date.now() - this.lastUnreadableWarning > UNREADABLE_WARNING_INTERVAL_MS) {
        this.lastUnreadableWarning = Date.now();
        this.logger.error(
          `outbox records ${unreadable.join(', ')} cannot be published: ${failure}`,
        );
      }
    }
    return opened;
  }

  /** The hop finished when Kafka acknowledged the event, before the record was marked. */
  private recordHop(record: PendingRecord, placed: PublishedEvent, publishedAt: Date): void {
    const serviceCode = record.payload.serviceCode;
    this.flow.record({
      hop: FlowHops.published,
      applicationId: record.application_id,
      serviceCode: typeof serviceCode === 'string' ? serviceCode : undefined,
      agency: agencyOfApplicationsTopic(record.topic),
      correlationId: record.correlation_id,
      traceId: traceIdOf(record.traceparent),
      at: publishedAt.toISOString(),
      durationMs: publishedAt.getTime() - record.created_at.getTime(),
      outcome: 'ok',
      detail: {
        eventType: record.event_type,
        eventId: record.event_id,
        topic: placed.topic,
        partition: placed.partition,
        offset: placed.offset,
      },
    });
  }

  private async run(): Promise<void> {
    const interval = this.config.get('OUTBOX_POLL_INTERVAL_MS', { infer: true });
    const batchSize = this.config.get('OUTBOX_BATCH_SIZE', { infer: true });
    let failures = 0;
    while (this.running) {
      this.nudged = false;
      let delay = interval;
      try {
        const count = await this.relayOnce();
        failures = 0;
        if (count === batchSize) delay = 0;
      } catch (error) {
        failures++;
        delay = Math.min(MAX_BACKOFF_MS, interval * 2 ** failures);
        this.logger.warn(
          `outbox relay failed (attempt ${failures}), retrying in ${delay} ms: ${String(error)}`,
        );
        if (error instanceof OutboxBatchNotPublished) await this.recordFailure(error);
      }
      if (delay > 0 && !this.nudged && this.running) await this.sleep(delay);
    }
  }

  /** Keeps the failed attempt on the records themselves, for operators looking at a backlog. */
  private async recordFailure(failure: OutboxBatchNotPublished): Promise<void> {
    try {
      await this.db.query(
        `UPDATE outbox SET attempts = attempts + 1, last_error = $2 WHERE id = ANY($1::bigint[])`,
        [failure.recordIds, failure.message.slice(0, 1000)],
      );
    } catch {
      // The database itself is unreachable; the loop's backoff handles it.
    }
  }

  private async ensureTopics(records: PendingRecord[]): Promise<void> {
    const missing = [...new Set(records.map((record) => record.topic))].filter(
      (topic) => !this.provisionedTopics.has(topic),
    );
    if (missing.length === 0) return;
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      for (const topic of missing) {
        const agency = agencyOfApplicationsTopic(topic);
        if (agency) await provisionTopics(admin, agencyTopicSpecs(agency));
        this.provisionedTopics.add(topic);
      }
    } finally {
      await admin.disconnect();
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wake = done;
    });
  }
}

/** Kafka refused a claimed batch; its transaction rolled back and the records stay pending. */
class OutboxBatchNotPublished extends Error {
  constructor(
    readonly recordIds: string[],
    cause: unknown,
  ) {
    super(cause instanceof Error ? cause.message : String(cause));
    this.name = 'OutboxBatchNotPublished';
  }
}

function toCloudEvent(record: PendingRecord): CloudEvent {
  return {
    id: record.event_id,
    source: EventSources.gateway,
    type: record.event_type,
    specversion: CLOUDEVENTS_SPEC_VERSION,
    time: new Date(record.created_at).toISOString(),
    subject: record.application_id,
    correlationid: record.correlation_id,
    traceparent: record.traceparent ?? undefined,
    data: record.payload,
  };
}
