/** Kafka header names of the CloudEvents Kafka protocol binding, binary mode (DESIGN.md §3.1). */
export const CloudEventHeaders = {
  id: 'ce_id',
  source: 'ce_source',
  type: 'ce_type',
  specversion: 'ce_specversion',
  time: 'ce_time',
  subject: 'ce_subject',
  correlationId: 'ce_correlationid',
  contentType: 'content-type',
  traceparent: 'traceparent',
  tracestate: 'tracestate',
} as const;

export const CLOUDEVENTS_SPEC_VERSION = '1.0';
export const JSON_CONTENT_TYPE = 'application/json';

/**
 * Headers an adapter adds when it parks a message on its dead-letter topic; the original key,
 * value and headers are kept unchanged, so a replay is the original message.
 */
export const DeadLetterHeaders = {
  reason: 'mpp_dlq_reason',
  error: 'mpp_dlq_error',
  attempts: 'mpp_dlq_attempts',
  sourceTopic: 'mpp_dlq_source_topic',
  sourcePartition: 'mpp_dlq_source_partition',
  sourceOffset: 'mpp_dlq_source_offset',
  failedAt: 'mpp_dlq_failed_at',
  instance: 'mpp_dlq_instance',
} as const;

/** Why a message was parked. */
export const DeadLetterReasons = {
  /** Not a CloudEvent, or its data is not what its type promises. */
  malformed: 'malformed',
  /** A well-formed event of a type this adapter does not handle. */
  unsupportedType: 'unsupported-type',
  /** Handling failed unexpectedly on every attempt. */
  failed: 'failed',
} as const;
export type DeadLetterReason = (typeof DeadLetterReasons)[keyof typeof DeadLetterReasons];
