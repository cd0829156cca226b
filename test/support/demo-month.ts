import { randomUUID } from 'node:crypto';
import { Topics } from '@mpp/contracts';
import { loadWorkingCalendar } from '@mpp/working-time';
import type { Kafka, Producer } from 'kafkajs';
import { BPBATAM_ADAPTER } from '../../apps/adapter-bpbatam/src/bpbatam.adapter';
import { DISDUKCAPIL_ADAPTER } from '../../apps/adapter-disdukcapil/src/disdukcapil.adapter';
import { DPMPTSP_ADAPTER } from '../../apps/adapter-dpmptsp/src/dpmptsp.adapter';
import {
  seedDemoMonth,
  type DemoSeedSummary,
} from '../../apps/gateway/src/demo-seeder/demo-seeder';
import { startGateway, type RunningGateway } from './gateway-harness';
import { announceService } from './registry';
import { waitFor } from './wait-for';

/** The services of the three reference adapters, as they announce them on start. */
export const DEMO_SERVICES = [DISDUKCAPIL_ADAPTER, DPMPTSP_ADAPTER, BPBATAM_ADAPTER].flatMap(
  (adapter) => adapter.definition.services,
);

/**
 * A consumer group that starts at the end of its topics: a new group would otherwise read every
 * message the broker still keeps from earlier runs before the test's own.
 */
export async function groupAtEnd(kafka: Kafka, groupId: string, topics: string[]): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    for (const topic of topics) {
      const ends = await admin.fetchTopicOffsets(topic);
      const partitions = ends.map(({ partition, high }) => ({ partition, offset: high }));
      await admin.setOffsets({ groupId, topic, partitions });
    }
  } finally {
    await admin.disconnect();
  }
}

/**
 * A gateway with the seeding routes and the reference adapters' services in its catalog, its
 * status consumer starting at the end of mpp.status.
 */
export async function startSeedingGateway(kafka: Kafka): Promise<RunningGateway> {
  for (const service of DEMO_SERVICES) await announceService(kafka, service);
  const statusGroup = `test-seeding-status-${randomUUID().slice(0, 8)}`;
  await groupAtEnd(kafka, statusGroup, [Topics.status]);
  const gateway = await startGateway({
    GATEWAY_SEEDING_ENABLED: 'true',
    GATEWAY_STATUS_GROUP_ID: statusGroup,
  });
  await waitFor(
    async () => {
      const { services } = (await (await gateway.fetch('/v1/services')).json()) as {
        services: { code: string }[];
      };
      return DEMO_SERVICES.every((demo) => services.some((service) => service.code === demo.code));
    },
    { what: 'the demo services in the catalog' },
  );
  return gateway;
}

/** Seeds a month of demo history into the gateway, as its front-end client. */
export function seedMonth(
  gateway: RunningGateway,
  producer: Producer,
  seed: number,
): Promise<DemoSeedSummary> {
  return seedDemoMonth({
    gatewayUrl: gateway.url,
    apiKey: gateway.client.apiKey,
    producer,
    calendar: loadWorkingCalendar(),
    seed,
  });
}

/** A seed of its own for each run, so that runs on one database do not meet. */
export function freshSeed(): number {
  return Number.parseInt(randomUUID().slice(0, 8), 16);
}
