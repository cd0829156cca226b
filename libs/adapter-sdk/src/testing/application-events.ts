import { randomUUID } from 'node:crypto';
import {
  agencyOfServiceCode,
  CLOUDEVENTS_SPEC_VERSION,
  EventSources,
  EventTypes,
  Topics,
  type Applicant,
  type ApplicationCancelled,
  type ApplicationResubmitted,
  type ApplicationSubmitted,
  type CloudEvent,
} from '@mpp/contracts';
import { encodeCloudEvent } from '@mpp/kafka';
import type { Producer } from 'kafkajs';

function gatewayEvent<T extends { applicationId: string }>(type: string, data: T): CloudEvent<T> {
  return {
    id: randomUUID(),
    source: EventSources.gateway,
    type,
    specversion: CLOUDEVENTS_SPEC_VERSION,
    time: new Date().toISOString(),
    subject: data.applicationId,
    correlationid: `test-${data.applicationId.slice(0, 8)}`,
    data,
  };
}

/** An `application.submitted.v1` as the gateway's relay publishes it. */
export function submittedEvent(
  serviceCode: string,
  applicant: Applicant,
  data: Record<string, unknown>,
): CloudEvent<ApplicationSubmitted> {
  return gatewayEvent(EventTypes.applicationSubmitted, {
    applicationId: randomUUID(),
    trackingNumber: 'TEST-0000-000',
    serviceCode,
    clientId: 'tests',
    applicant,
    data,
    documents: [],
    submittedAt: new Date().toISOString(),
  });
}

export function resubmittedEvent(
  submitted: CloudEvent<ApplicationSubmitted>,
  revision: number,
  data: Record<string, unknown>,
): CloudEvent<ApplicationResubmitted> {
  return gatewayEvent(EventTypes.applicationResubmitted, {
    ...submitted.data,
    data,
    revision,
    resubmittedAt: new Date().toISOString(),
  });
}

export function cancelledEvent(
  submitted: CloudEvent<ApplicationSubmitted>,
  reason?: string,
): CloudEvent<ApplicationCancelled> {
  const { applicationId, trackingNumber, serviceCode } = submitted.data;
  return gatewayEvent(EventTypes.applicationCancelled, {
    applicationId,
    trackingNumber,
    serviceCode,
    reason,
    cancelledAt: new Date().toISOString(),
  });
}

/** Publishes an event on its agency's applications topic, `times` times as a redelivery would. */
export async function publishToAgency(
  producer: Producer,
  event: CloudEvent<{ applicationId: string; serviceCode: string }>,
  times = 1,
): Promise<void> {
  const message = encodeCloudEvent(event, event.data.applicationId);
  await producer.send({
    topic: Topics.applicationsOf(agencyOfServiceCode(event.data.serviceCode)),
    messages: Array.from({ length: times }, () => message),
  });
}
