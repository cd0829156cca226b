import { randomUUID } from 'node:crypto';
import { EventTypes, type CloudEvent } from '@mpp/contracts';
import { encodeCloudEvent, MalformedMessageError, UnsupportedEventType } from '@mpp/kafka';
import { decodeApplicationMessage } from './application-messages';

const applicationId = randomUUID();
const submission = {
  applicationId,
  trackingNumber: 'ABCD-EFGH-JKM',
  serviceCode: 'disdukcapil.kk-perubahan',
  clientId: 'kiosk',
  applicant: { nik: '2171011508900003', name: 'Budi', contact: {} },
  data: {},
  documents: [],
  submittedAt: new Date().toISOString(),
};

function message(type: string, data: unknown) {
  const event: CloudEvent = {
    id: randomUUID(),
    source: '/mpp/gateway',
    type,
    specversion: '1.0',
    time: new Date().toISOString(),
    data,
  };
  return encodeCloudEvent(event, applicationId);
}

describe('decodeApplicationMessage', () => {
  it('recognises the three application events by type', () => {
    expect(
      decodeApplicationMessage(message(EventTypes.applicationSubmitted, submission)).kind,
    ).toBe('submitted');
    expect(
      decodeApplicationMessage(
        message(EventTypes.applicationResubmitted, {
          ...submission,
          revision: 2,
          resubmittedAt: 'x',
        }),
      ).kind,
    ).toBe('resubmitted');
    expect(
      decodeApplicationMessage(
        message(EventTypes.applicationCancelled, { ...submission, reason: 'salah layanan' }),
      ).kind,
    ).toBe('cancelled');
  });

  it('refuses data that is not what its type promises', () => {
    const { applicant: _applicant, ...withoutApplicant } = submission;
    for (const [type, data] of [
      [EventTypes.applicationSubmitted, withoutApplicant],
      [EventTypes.applicationSubmitted, { ...submission, applicationId: 'not-a-uuid' }],
      [EventTypes.applicationResubmitted, { ...submission, revision: 1 }],
      [EventTypes.applicationCancelled, { ...submission, reason: 42 }],
    ] as const) {
      expect(() => decodeApplicationMessage(message(type, data))).toThrow(MalformedMessageError);
    }
  });

  it('tells an unknown event type apart from a malformed message', () => {
    expect(() =>
      decodeApplicationMessage(message('id.go.batam.mpp.application.transferred.v1', submission)),
    ).toThrow(UnsupportedEventType);
    expect(() => decodeApplicationMessage({ headers: {}, value: Buffer.from('{}') })).toThrow(
      MalformedMessageError,
    );
  });
});
