import { CloudEventHeaders, DeadLetterHeaders } from '@mpp/contracts';
import { kafkaTime } from '@mpp/kafka';
import type { IHeaders, KafkaMessage, Message } from 'kafkajs';

/** A Kafka header as stored: the value base64-encoded, since header values are bytes. */
export interface StoredHeader {
  name: string;
  value: string | null;
}

/** Every header an adapter adds when parking starts with this; a replay drops them all. */
const DEAD_LETTER_HEADER_PREFIX = 'mpp_dlq_';

/** A message as an adapter parked it on its dead-letter topic, with what its headers say. */
export interface ParkedMessage {
  agency: string;
  topic: string;
  partition: number;
  offset: string;
  /** The record's Kafka timestamp: with the position, what identifies it. */
  timestamp: Date;
  key: Buffer | null;
  value: Buffer | null;
  headers: StoredHeader[];
  reason?: string;
  error?: string;
  attempts?: number;
  sourceTopic?: string;
  sourcePartition?: number;
  sourceOffset?: string;
  failedAt?: string;
  parkedBy?: string;
  applicationId?: string;
  eventId?: string;
  eventType?: string;
  serviceCode?: string;
  correlationId?: string;
  traceparent?: string;
}

export function readParkedMessage(
  agency: string,
  topic: string,
  partition: number,
  message: KafkaMessage,
): ParkedMessage {
  const headers = storedHeaders(message.headers);
  const header = (name: string) => headerText(headers, name);
  const data = jsonObjectOf(message.value);
  const failedAt = header(DeadLetterHeaders.failedAt);
  return {
    agency,
    topic,
    partition,
    offset: message.offset,
    timestamp: kafkaTime(message.timestamp),
    key: message.key,
    value: message.value,
    headers,
    reason: header(DeadLetterHeaders.reason),
    error: header(DeadLetterHeaders.error),
    attempts: wholeNumber(header(DeadLetterHeaders.attempts)),
    sourceTopic: header(DeadLetterHeaders.sourceTopic),
    sourcePartition: wholeNumber(header(DeadLetterHeaders.sourcePartition)),
    sourceOffset: header(DeadLetterHeaders.sourceOffset)?.match(/^\d+$/)?.[0],
    failedAt: failedAt && !Number.isNaN(Date.parse(failedAt)) ? failedAt : undefined,
    parkedBy: header(DeadLetterHeaders.instance),
    applicationId:
      message.key?.toString('utf8') ||
      textOf(data?.applicationId) ||
      header(CloudEventHeaders.subject),
    eventId: header(CloudEventHeaders.id),
    eventType: header(CloudEventHeaders.type),
    serviceCode: textOf(data?.serviceCode),
    correlationId: header(CloudEventHeaders.correlationId),
    traceparent: header(CloudEventHeaders.traceparent),
  };
}

/** Headers in their order, a repeated name once per value. */
export function storedHeaders(headers: IHeaders | undefined): StoredHeader[] {
  const stored: StoredHeader[] = [];
  for (const [name, value] of Object.entries(headers ?? {})) {
    for (const single of Array.isArray(value) ? value : [value]) {
      stored.push({
        name,
        value: single === undefined ? null : Buffer.from(single).toString('base64'),
      });
    }
  }
  return stored;
}

export function headerText(headers: StoredHeader[], name: string): string | undefined {
  const found = headers.find((header) => header.name === name)?.value;
  return found === undefined || found === null
    ? undefined
    : Buffer.from(found, 'base64').toString('utf8');
}

/** The original message: its key, value and headers, without what parking added. */
export function originalMessage(parked: {
  key: Buffer | null;
  value: Buffer | null;
  headers: StoredHeader[];
}): Message {
  const headers: IHeaders = {};
  for (const { name, value } of parked.headers) {
    if (name.startsWith(DEAD_LETTER_HEADER_PREFIX) || value === null) continue;
    const bytes = Buffer.from(value, 'base64');
    const earlier = headers[name];
    headers[name] =
      earlier === undefined ? bytes : [...(Array.isArray(earlier) ? earlier : [earlier]), bytes];
  }
  return { key: parked.key, value: parked.value, headers };
}

function jsonObjectOf(value: Buffer | null): Record<string, unknown> | undefined {
  if (!value) return undefined;
  try {
    const parsed: unknown = JSON.parse(value.toString('utf8'));
    return typeof parsed === 'object' && parsed !== null
      ? (parsed as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

function textOf(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

function wholeNumber(text: string | undefined): number | undefined {
  return text !== undefined && /^\d{1,9}$/.test(text) ? Number(text) : undefined;
}
