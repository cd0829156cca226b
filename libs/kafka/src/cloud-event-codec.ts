import {
  CLOUDEVENTS_SPEC_VERSION,
  CloudEvent,
  CloudEventHeaders,
  JSON_CONTENT_TYPE,
} from '@mpp/contracts';
import type { IHeaders, Message } from 'kafkajs';

/** A Kafka message that is not a valid CloudEvent of this system. */
export class MalformedMessageError extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'MalformedMessageError';
  }
}

/** A well-formed CloudEvent of a type its consumer does not handle. */
export class UnsupportedEventType extends Error {
  override readonly name = 'UnsupportedEventType';
}

/** Encodes an event in the CloudEvents Kafka binding, binary content mode. */
export function encodeCloudEvent(event: CloudEvent, key: string): Message {
  const headers: IHeaders = {
    [CloudEventHeaders.id]: event.id,
    [CloudEventHeaders.source]: event.source,
    [CloudEventHeaders.type]: event.type,
    [CloudEventHeaders.specversion]: event.specversion,
    [CloudEventHeaders.time]: event.time,
    [CloudEventHeaders.contentType]: JSON_CONTENT_TYPE,
  };
  if (event.subject) headers[CloudEventHeaders.subject] = event.subject;
  if (event.correlationid) headers[CloudEventHeaders.correlationId] = event.correlationid;
  if (event.traceparent) headers[CloudEventHeaders.traceparent] = event.traceparent;
  if (event.tracestate) headers[CloudEventHeaders.tracestate] = event.tracestate;
  return { key, value: JSON.stringify(event.data), headers };
}

type HeaderValue = Buffer | string | (Buffer | string)[] | undefined | null;

function headerText(value: HeaderValue): string | undefined {
  if (value === undefined || value === null) return undefined;
  const single = Array.isArray(value) ? value[0] : value;
  return Buffer.isBuffer(single) ? single.toString('utf8') : String(single);
}

/**
 * Decodes a consumed message. Accepts raw kafkajs buffers or values already parsed by the
 * NestJS Kafka transport (which turns JSON objects into objects and headers into strings).
 */
export function decodeCloudEvent<T = unknown>(message: {
  headers?: Record<string, HeaderValue>;
  value: unknown;
}): CloudEvent<T> {
  const headers = message.headers ?? {};
  const read = (name: string): string | undefined => headerText(headers[name]);
  const required = (name: string): string => {
    const value = read(name);
    if (!value) throw new MalformedMessageError(`missing header ${name}`);
    return value;
  };
  if (required(CloudEventHeaders.specversion) !== CLOUDEVENTS_SPEC_VERSION) {
    throw new MalformedMessageError(`unsupported ${CloudEventHeaders.specversion}`);
  }
  const contentType = read(CloudEventHeaders.contentType);
  if (contentType && !contentType.startsWith(JSON_CONTENT_TYPE)) {
    throw new MalformedMessageError(`unsupported content-type ${contentType}`);
  }
  const time = required(CloudEventHeaders.time);
  if (Number.isNaN(Date.parse(time))) throw new MalformedMessageError('ce_time is not a timestamp');
  return {
    id: required(CloudEventHeaders.id),
    source: required(CloudEventHeaders.source),
    type: required(CloudEventHeaders.type),
    specversion: CLOUDEVENTS_SPEC_VERSION,
    time,
    subject: read(CloudEventHeaders.subject),
    correlationid: read(CloudEventHeaders.correlationId),
    traceparent: read(CloudEventHeaders.traceparent),
    tracestate: read(CloudEventHeaders.tracestate),
    data: parseData<T>(message.value),
  };
}

function parseData<T>(value: unknown): T {
  if (value === null || value === undefined) throw new MalformedMessageError('empty value');
  if (Buffer.isBuffer(value) || typeof value === 'string') {
    try {
      const parsed: unknown = JSON.parse(value.toString());
      if (parsed === null || typeof parsed !== 'object') throw new Error('not an object');
      return parsed as T;
    } catch {
      throw new MalformedMessageError('value is not a JSON object');
    }
  }
  if (typeof value !== 'object') throw new MalformedMessageError('value is not a JSON object');
  return value as T;
}
