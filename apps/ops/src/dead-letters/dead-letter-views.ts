import { decodeCloudEvent } from '@mpp/kafka';
import { maskFreeText, maskPersonalData } from '../masking/personal-data';
import type { DeadLetter, DeadLetterSummary } from './dead-letter.store';
import { originalMessage } from './parked-message';

/** A dead letter as lists show it; free text masked. */
export function deadLetterSummaryView(letter: DeadLetterSummary) {
  return {
    id: letter.id,
    agency: letter.agency,
    state: letter.state,
    applicationId: letter.applicationId,
    serviceCode: letter.serviceCode,
    eventType: letter.eventType,
    eventId: letter.eventId,
    correlationId: letter.correlationId,
    reason: letter.reason,
    error: letter.error === null ? null : maskFreeText(letter.error),
    attempts: letter.attempts,
    source: {
      topic: letter.sourceTopic,
      partition: letter.sourcePartition,
      offset: letter.sourceOffset,
    },
    parkedAt: { topic: letter.topic, partition: letter.partition, offset: letter.offset },
    failedAt: letter.failedAt?.toISOString() ?? null,
    parkedBy: letter.parkedBy,
    receivedAt: letter.receivedAt.toISOString(),
    handling:
      letter.state === 'parked'
        ? null
        : {
            action: letter.state,
            by: letter.handledBy,
            at: letter.handledAt?.toISOString() ?? null,
            reason: letter.handlingReason === null ? null : maskFreeText(letter.handlingReason),
          },
  };
}

/**
 * One dead letter with its headers and payload. The payload is shown decoded, with personal
 * data masked, when it is JSON; bytes that are not JSON are never shown, since nothing could
 * tell which of them are a name.
 */
export function deadLetterDetailView(letter: DeadLetter) {
  return {
    ...deadLetterSummaryView(letter),
    key: letter.key === null ? null : maskFreeText(letter.key.toString('utf8')),
    headers: letter.headers.map(({ name, value }) => ({
      name,
      value: value === null ? null : maskFreeText(Buffer.from(value, 'base64').toString('utf8')),
    })),
    payload: payloadView(letter),
  };
}

function payloadView(letter: DeadLetter) {
  const original = originalMessage(letter);
  try {
    const event = decodeCloudEvent({ headers: original.headers, value: letter.value });
    const { data, ...attributes } = event;
    return { format: 'cloudevent', event: attributes, data: maskPersonalData(data) };
  } catch (error) {
    const decodeError = error instanceof Error ? error.message : String(error);
    const json = parseJson(letter.value);
    if (json !== undefined) return { format: 'json', decodeError, data: maskPersonalData(json) };
    return { format: 'opaque', decodeError, bytes: letter.value?.length ?? 0 };
  }
}

function parseJson(value: Buffer | null): unknown {
  if (value === null) return undefined;
  try {
    return JSON.parse(value.toString('utf8')) as unknown;
  } catch {
    return undefined;
  }
}
