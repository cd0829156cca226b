import {
  EventTypes,
  type ApplicationCancelled,
  type ApplicationResubmitted,
  type ApplicationSubmitted,
  type CloudEvent,
} from '@mpp/contracts';
import { decodeCloudEvent, MalformedMessageError, UnsupportedEventType } from '@mpp/kafka';
import type { IHeaders } from 'kafkajs';

export type ApplicationMessage =
  | { kind: 'submitted'; event: CloudEvent<ApplicationSubmitted> }
  | { kind: 'resubmitted'; event: CloudEvent<ApplicationResubmitted> }
  | { kind: 'cancelled'; event: CloudEvent<ApplicationCancelled> };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type Shape = Record<string, unknown>;

function isObject(value: unknown): value is Shape {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function names(data: Shape): boolean {
  return (
    typeof data.applicationId === 'string' &&
    UUID.test(data.applicationId) &&
    typeof data.serviceCode === 'string' &&
    typeof data.trackingNumber === 'string'
  );
}

function isSubmission(data: Shape): boolean {
  const applicant = data.applicant;
  return (
    names(data) &&
    isObject(applicant) &&
    typeof applicant.nik === 'string' &&
    typeof applicant.name === 'string' &&
    isObject(data.data) &&
    Array.isArray(data.documents)
  );
}

function isResubmission(data: Shape): boolean {
  return isSubmission(data) && Number.isInteger(data.revision) && Number(data.revision) >= 2;
}

function isCancellation(data: Shape): boolean {
  return names(data) && (data.reason === undefined || typeof data.reason === 'string');
}

/**
 * Decodes a message of an agency applications topic and checks its data has the shape its type
 * promises. Throws `MalformedMessageError` or `UnsupportedEventType`.
 */
export function decodeApplicationMessage(message: {
  headers?: IHeaders;
  value: unknown;
}): ApplicationMessage {
  const event = decodeCloudEvent<Shape>({ headers: message.headers, value: message.value });
  const { data } = event;
  const malformed = (what: string) =>
    new MalformedMessageError(`data of ${event.type} is not ${what}`);
  switch (event.type) {
    case EventTypes.applicationSubmitted:
      if (!isSubmission(data)) throw malformed('an application');
      return { kind: 'submitted', event: event as unknown as CloudEvent<ApplicationSubmitted> };
    case EventTypes.applicationResubmitted:
      if (!isResubmission(data)) throw malformed('a resubmitted application');
      return { kind: 'resubmitted', event: event as unknown as CloudEvent<ApplicationResubmitted> };
    case EventTypes.applicationCancelled:
      if (!isCancellation(data)) throw malformed('a cancellation');
      return { kind: 'cancelled', event: event as unknown as CloudEvent<ApplicationCancelled> };
    default:
      throw new UnsupportedEventType(`event type ${event.type} is not handled by this adapter`);
  }
}
