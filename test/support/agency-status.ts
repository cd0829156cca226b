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

/** A status report as the agency's adapter would send it, with the adapter's deterministic id. */
export function agencyStatusEvent(
  serviceCode: string,
  applicationId: string,
  status: ApplicationStatus,
  extra: Pick<StatusChanged, 'reason' | 'agencyReference'> = {},
): CloudEvent<StatusChanged> {
  const now = new Date().toISOString();
  return {
    id: `${applicationId}:${status}:1`,
    source: EventSources.adapter(agencyOfServiceCode(serviceCode)),
    type: EventTypes.statusChanged,
    specversion: CLOUDEVENTS_SPEC_VERSION,
    time: now,
    subject: applicationId,
    data: { applicationId, serviceCode, status, occurredAt: now, ...extra },
  };
}

/** Publishes status reports on mpp.status as the agency's adapter would, one event a status. */
export async function sendStatusReports(
  producer: Producer,
  serviceCode: string,
  applicationId: string,
  statuses: readonly ApplicationStatus[],
): Promise<void> {
  for (const status of statuses) {
    await producer.send({
      topic: Topics.status,
      messages: [
        encodeCloudEvent(agencyStatusEvent(serviceCode, applicationId, status), applicationId),
      ],
    });
  }
}
