import {
  CLOUDEVENTS_SPEC_VERSION,
  EventTypes,
  Topics,
  type CloudEvent,
  type StatusChanged,
} from '@mpp/contracts';
import { encodeCloudEvent } from '@mpp/kafka';
import type { Message, Producer } from 'kafkajs';
import type { PlannedApplication } from './demo-month-plan';

/** Marks seeded history in the gateway's receipts and timelines, where an adapter puts its own. */
export const DEMO_SEEDER_SOURCE = '/mpp/demo-seeder';

const MESSAGES_PER_SEND = 1000;

/**
 * Reports the planned statuses on mpp.status exactly as adapters do: one CloudEvent a status,
 * keyed by application (so they apply in order), with the moment it happened as `occurredAt`
 * and the adapters' event id `<application>:<status>:<revision>`, so a second run's reports are
 * recognised as duplicates.
 */
export async function publishStatusReports(
  producer: Producer,
  applications: readonly PlannedApplication[],
): Promise<number> {
  const messages: Message[] = applications.flatMap((application) =>
    application.statuses.map((step) => {
      const data: StatusChanged = {
        applicationId: application.id,
        serviceCode: application.serviceCode,
        status: step.status,
        agencyReference: step.agencyReference,
        reason: step.reason,
        result: step.result,
        occurredAt: step.at.toISOString(),
      };
      const event: CloudEvent<StatusChanged> = {
        id: `${application.id}:${step.status}:${step.revision}`,
        source: DEMO_SEEDER_SOURCE,
        type: EventTypes.statusChanged,
        specversion: CLOUDEVENTS_SPEC_VERSION,
        time: step.at.toISOString(),
        subject: application.id,
        data,
      };
      return encodeCloudEvent(event, application.id);
    }),
  );
  for (let start = 0; start < messages.length; start += MESSAGES_PER_SEND) {
    await producer.send({
      topic: Topics.status,
      messages: messages.slice(start, start + MESSAGES_PER_SEND),
    });
  }
  return messages.length;
}
