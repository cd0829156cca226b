import {
  agencyOfServiceCode,
  CLOUDEVENTS_SPEC_VERSION,
  EventSources,
  EventTypes,
  Topics,
  type ApplicationStatus,
  type CloudEvent,
  type StatusChanged,
} from '@mpp/contracts';
import { encodeCloudEvent } from '@mpp/kafka';
import type { Producer } from 'kafkajs';

/** Publishes status reports on mpp.status as the agency's adapter would, one event a status. */
export async function sendStatusReports(
  producer: Producer,
  serviceCode: string,
  applicationId: string,
  statuses: readonly ApplicationStatus[],
): Promise<void> {
  for (const status of statuses) {
    const now = new Date().toISOString();
    const data: StatusChanged = { applicationId, serviceCode, status, occurredAt: now };
    const event: CloudEvent<StatusChanged> = {
      id: `${applicationId}:${status}:1`,
      source: EventSources.adapter(agencyOfServiceCode(serviceCode)),
      type: EventTypes.statusChanged,
      specversion: CLOUDEVENTS_SPEC_VERSION,
      time: now,
      subject: applicationId,
      data,
    };
    await producer.send({
      topic: Topics.status,
      messages: [encodeCloudEvent(event, applicationId)],
    });
  }
}
