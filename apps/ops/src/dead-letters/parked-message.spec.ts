import { DeadLetterHeaders, EventTypes, Topics } from '@mpp/contracts';
import type { KafkaMessage } from 'kafkajs';
import { originalMessage, readParkedMessage, storedHeaders } from './parked-message';

const APPLICATION = '5f0c6a52-2a8f-4f4e-9a57-3f0a4f1f4b11';
const value = Buffer.from(
  JSON.stringify({ applicationId: APPLICATION, serviceCode: 'disdukcapil.akta-kelahiran' }),
);
const originalHeaders = {
  ce_id: Buffer.from('event-1'),
  ce_type: Buffer.from(EventTypes.applicationSubmitted),
  ce_correlationid: Buffer.from('corr-1'),
  traceparent: Buffer.from('00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01'),
  'x-repeated': [Buffer.from('one'), Buffer.from('two')],
};
const message = {
  key: Buffer.from(APPLICATION),
  value,
  offset: '17',
  timestamp: '0',
  attributes: 0,
  headers: {
    ...originalHeaders,
    [DeadLetterHeaders.reason]: Buffer.from('failed'),
    [DeadLetterHeaders.error]: Buffer.from('TypeError: cannot read the form'),
    [DeadLetterHeaders.attempts]: Buffer.from('3'),
    [DeadLetterHeaders.sourceTopic]: Buffer.from(Topics.applicationsOf('disdukcapil')),
    [DeadLetterHeaders.sourcePartition]: Buffer.from('4'),
    [DeadLetterHeaders.sourceOffset]: Buffer.from('1234'),
    [DeadLetterHeaders.failedAt]: Buffer.from('2026-03-02T03:04:05.678Z'),
    [DeadLetterHeaders.instance]: Buffer.from('adapter-disdukcapil-1'),
  },
} as KafkaMessage;

describe('parked messages', () => {
  it('reads why, where from and what a parked message is', () => {
    const parked = readParkedMessage(
      'disdukcapil',
      Topics.deadLettersOf('disdukcapil'),
      0,
      message,
    );
    expect(parked).toMatchObject({
      agency: 'disdukcapil',
      offset: '17',
      reason: 'failed',
      error: 'TypeError: cannot read the form',
      attempts: 3,
      sourceTopic: Topics.applicationsOf('disdukcapil'),
      sourcePartition: 4,
      sourceOffset: '1234',
      failedAt: '2026-03-02T03:04:05.678Z',
      parkedBy: 'adapter-disdukcapil-1',
      applicationId: APPLICATION,
      eventId: 'event-1',
      eventType: EventTypes.applicationSubmitted,
      serviceCode: 'disdukcapil.akta-kelahiran',
      correlationId: 'corr-1',
    });
  });

  it('gives back the original key, value and headers, without the parking headers', () => {
    const parked = readParkedMessage('disdukcapil', 'dlq', 0, message);
    const original = originalMessage(parked);
    expect(original.key).toEqual(message.key);
    expect(original.value).toEqual(value);
    expect(original.headers).toEqual(originalHeaders);
  });

  it('reads a message that is not a CloudEvent at all', () => {
    const parked = readParkedMessage('disdukcapil', 'dlq', 0, {
      ...message,
      key: null,
      value: Buffer.from('<xml/>'),
      headers: { [DeadLetterHeaders.reason]: Buffer.from('malformed') },
    } as KafkaMessage);
    expect(parked).toMatchObject({ reason: 'malformed', key: null });
    expect(parked.applicationId).toBeUndefined();
    expect(parked.eventType).toBeUndefined();
    expect(originalMessage(parked).headers).toEqual({});
  });

  it('keeps a header without a value as such', () => {
    expect(storedHeaders({ empty: undefined })).toEqual([{ name: 'empty', value: null }]);
  });
});
