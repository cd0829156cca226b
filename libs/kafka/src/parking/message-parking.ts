import { createHash } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DeadLetterReasons, maskNiksIn, type DeadLetterReason } from '@mpp/contracts';
import { METRICS_REGISTRY } from '@mpp/observability';
import type { IHeaders, KafkaMessage } from 'kafkajs';
import { Counter, type Registry } from 'prom-client';
import type { DataSource } from 'typeorm';
import { UnsupportedEventType } from '../cloud-event-codec';

export interface ConsumedMessage {
  topic: string;
  partition: number;
  message: Pick<KafkaMessage, 'offset' | 'timestamp' | 'key' | 'value' | 'headers'>;
}

/** Enough of a message to see what was wrong with it; the whole of it stays in Kafka. */
const PREVIEW_CHARACTERS = 4000;
const ERROR_CHARACTERS = 2000;

/**
 * Where a consumer of a shared topic (mpp.status, mpp.registry, mpp.flow) puts a message it
 * cannot use, so it can go on to the next: `parked_message` in the app's own schema, with the
 * reason, and a count in `mpp_parked_messages_total`. NIK-like numbers are masked in what is
 * kept. When the database is down parking fails, the consumer does not commit, and the message
 * is read again: nothing is skipped unrecorded.
 */
@Injectable()
export class MessageParking {
  private readonly logger = new Logger(MessageParking.name);
  private readonly parked: Counter<'consumer' | 'topic' | 'reason'>;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(METRICS_REGISTRY) registry: Registry,
  ) {
    this.parked = new Counter({
      name: 'mpp_parked_messages_total',
      help: 'Messages of shared topics a consumer could not use and parked, by reason.',
      labelNames: ['consumer', 'topic', 'reason'],
      registers: [registry],
    });
  }

  async park(
    consumer: string,
    { topic, partition, message }: ConsumedMessage,
    reason: DeadLetterReason,
    error: unknown,
  ): Promise<void> {
    const value = bytesOf(message.value);
    const why = maskNiksIn(describe(error)).slice(0, ERROR_CHARACTERS);
    await this.db.query(
      `INSERT INTO parked_message (consumer, topic, partition, kafka_offset, kafka_timestamp,
         message_key, headers, value_bytes, value_sha256, value_preview, reason, error)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
       ON CONFLICT (consumer, topic, partition, kafka_offset, kafka_timestamp) DO NOTHING`,
      [
        consumer,
        topic,
        partition,
        message.offset,
        kafkaTime(message.timestamp),
        message.key ? maskNiksIn(message.key.toString('utf8')) : null,
        JSON.stringify(headerTexts(message.headers)),
        value?.length ?? null,
        value ? createHash('sha256').update(value).digest('hex') : null,
        value ? maskNiksIn(value.toString('utf8').slice(0, PREVIEW_CHARACTERS)) : null,
        reason,
        why,
      ],
    );
    this.parked.inc({ consumer, topic, reason });
    this.logger.warn(
      `${consumer} parked ${topic}/${partition}@${message.offset} (${reason}): ${why}`,
    );
  }
}

/** A record's Kafka timestamp (milliseconds since the epoch, as text) as a time. */
export function kafkaTime(timestamp: string): Date {
  return new Date(Number(timestamp));
}

/** Why a message that could not be read is parked: of a type not followed, or malformed. */
export function unreadableReason(error: unknown): DeadLetterReason {
  return error instanceof UnsupportedEventType
    ? DeadLetterReasons.unsupportedType
    : DeadLetterReasons.malformed;
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

function bytesOf(value: unknown): Buffer | null {
  if (value === null || value === undefined) return null;
  if (Buffer.isBuffer(value)) return value;
  return Buffer.from(typeof value === 'string' ? value : JSON.stringify(value));
}

function headerTexts(headers: IHeaders | undefined): Record<string, string[]> {
  return Object.fromEntries(
    Object.entries(headers ?? {}).map(([name, value]) => [
      name,
      (Array.isArray(value) ? value : [value])
        .filter((single) => single !== undefined)
        .map((single) => maskNiksIn(single.toString()).slice(0, ERROR_CHARACTERS)),
    ]),
  );
}
