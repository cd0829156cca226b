import { randomUUID } from 'node:crypto';
import { CLOUDEVENTS_SPEC_VERSION, DeadLetterHeaders, EventTypes } from '@mpp/contracts';
import { encodeCloudEvent } from '@mpp/kafka';
import type { IHeaders } from 'kafkajs';
import type { DeadLetter } from './dead-letter.store';
import { deadLetterDetailView } from './dead-letter-views';
import { storedHeaders } from './parked-message';

const APPLICATION = randomUUID();
const application = {
  applicationId: APPLICATION,
  serviceCode: 'disdukcapil.akta-kelahiran',
  applicant: { nik: '2171015508900001', name: 'Siti Aminah', contact: { phone: '0812345678' } },
  data: { namaAnak: 'Budi Santoso' },
};

function deadLetter(value: Buffer, headers: IHeaders): DeadLetter {
  return {
    id: '7',
    agency: 'disdukcapil',
    topic: 'mpp.disdukcapil.applications.dlq',
    partition: 0,
    offset: '3',
    reason: 'failed',
    error: 'TypeError: NIK 2171015508900001 unreadable',
    attempts: 3,
    sourceTopic: 'mpp.disdukcapil.applications',
    sourcePartition: 2,
    sourceOffset: '40',
    failedAt: new Date('2026-03-02T03:04:05.678Z'),
    parkedBy: 'adapter-disdukcapil-1',
    applicationId: APPLICATION,
    eventId: 'e-1',
    eventType: EventTypes.applicationSubmitted,
    serviceCode: 'disdukcapil.akta-kelahiran',
    correlationId: 'c-1',
    traceparent: null,
    receivedAt: new Date('2026-03-02T03:04:06.000Z'),
    state: 'parked',
    handledBy: null,
    handledAt: null,
    handlingReason: null,
    key: Buffer.from(APPLICATION),
    value,
    headers: storedHeaders({ ...headers, [DeadLetterHeaders.reason]: Buffer.from('failed') }),
  };
}

describe('dead letter detail', () => {
  it('decodes a CloudEvent and masks the applicant', () => {
    const message = encodeCloudEvent(
      {
        id: 'e-1',
        source: '/mpp/gateway',
        type: EventTypes.applicationSubmitted,
        specversion: CLOUDEVENTS_SPEC_VERSION,
        time: '2026-03-02T03:00:00.000Z',
        data: application,
      },
      APPLICATION,
    );
    const view = deadLetterDetailView(
      deadLetter(Buffer.from(message.value as string), message.headers!),
    );
    expect(view.payload).toEqual({
      format: 'cloudevent',
      event: expect.objectContaining({ id: 'e-1', type: EventTypes.applicationSubmitted }),
      data: {
        applicationId: APPLICATION,
        serviceCode: 'disdukcapil.akta-kelahiran',
        applicant: { nik: '2171************', name: 'S*** A***', contact: { phone: '0812******' } },
        data: { namaAnak: 'B*** S***' },
      },
    });
    expect(view.error).toBe('TypeError: NIK 2171************ unreadable');
    expect(JSON.stringify(view)).not.toMatch(/2171015508900001|Siti|Aminah|Budi/);
  });

  it('masks JSON that is not a CloudEvent and says why it is not one', () => {
    const view = deadLetterDetailView(deadLetter(Buffer.from(JSON.stringify(application)), {}));
    expect(view.payload).toMatchObject({
      format: 'json',
      decodeError: 'missing header ce_specversion',
    });
    expect(JSON.stringify(view)).not.toMatch(/2171015508900001|Siti|Aminah|Budi/);
  });

  it('never shows bytes it cannot read', () => {
    const view = deadLetterDetailView(deadLetter(Buffer.from('<nama>Siti Aminah</nama>'), {}));
    expect(view.payload).toEqual({
      format: 'opaque',
      decodeError: 'missing header ce_specversion',
      bytes: 24,
    });
  });
});
