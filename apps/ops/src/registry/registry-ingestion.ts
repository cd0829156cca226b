import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { EventTypes, Topics, type AdapterHeartbeat } from '@mpp/contracts';
import {
  decodeCloudEvent,
  MessageParking,
  unreadableReason,
  type ConsumedMessage,
} from '@mpp/kafka';
import type { OpsConfig } from '../config/ops.config';
import { TopicSubscriptions } from '../kafka/topic-subscriptions';
import { OpsMetrics } from '../metrics/ops-metrics';
import { AgencyDirectory } from './agency-directory';
import {
  parseAnnouncement,
  parseHeartbeat,
  readRegistryKey,
  type ServiceAnnouncement,
} from './registry-records';

const CONSUMER = 'ops.registry';

/**
 * Consumes `mpp.registry`: heartbeats per adapter instance and service announcements. A record
 * ops cannot read is parked, so it still learns the others.
 */
@Injectable()
export class RegistryIngestion {
  constructor(
    subscriptions: TopicSubscriptions,
    config: ConfigService<OpsConfig, true>,
    private readonly directory: AgencyDirectory,
    private readonly metrics: OpsMetrics,
    private readonly parking: MessageParking,
  ) {
    subscriptions.add({
      groupId: config.get('OPS_REGISTRY_GROUP_ID', { infer: true }),
      topics: [Topics.registry],
      handle: async ({ topic, partition, messages }) => {
        for (const message of messages) await this.ingest({ topic, partition, message });
      },
    });
  }

  private async ingest(consumed: ConsumedMessage): Promise<void> {
    let change: RegistryChange | undefined;
    try {
      change = readRegistryMessage(consumed.message);
    } catch (error) {
      this.metrics.skipped('registry');
      await this.parking.park(CONSUMER, consumed, unreadableReason(error), error);
      return;
    }
    if (change) await this.apply(change);
  }

  private async apply(change: RegistryChange): Promise<void> {
    switch (change.kind) {
      case 'heartbeat':
        await this.directory.recordHeartbeat(change.beat);
        break;
      case 'service':
        await this.directory.recordService(change.service, change.announcedAt);
        break;
      case 'instance-left':
        await this.directory.forgetInstance(change.agency, change.instanceId);
        break;
      case 'service-withdrawn':
        await this.directory.forgetService(change.code);
        break;
    }
    this.metrics.stored('registry', 1);
  }
}

type RegistryChange =
  | { kind: 'heartbeat'; beat: AdapterHeartbeat }
  | { kind: 'service'; service: ServiceAnnouncement; announcedAt: Date }
  | { kind: 'instance-left'; agency: string; instanceId: string }
  | { kind: 'service-withdrawn'; code: string };

/** What a registry message changes; undefined for record types ops does not follow. */
function readRegistryMessage(message: ConsumedMessage['message']): RegistryChange | undefined {
  const key = readRegistryKey(message.key?.toString() ?? '');
  if (!key) throw new Error('unknown key');
  if (message.value === null) {
    return key.kind === 'service'
      ? { kind: 'service-withdrawn', code: key.code }
      : { kind: 'instance-left', agency: key.agency, instanceId: key.instanceId };
  }
  const event = decodeCloudEvent({ headers: message.headers, value: message.value });
  if (event.type === EventTypes.adapterHeartbeat) {
    return { kind: 'heartbeat', beat: parseHeartbeat(event.data) };
  }
  if (event.type === EventTypes.serviceAnnounced) {
    return {
      kind: 'service',
      service: parseAnnouncement(event.data),
      announcedAt: new Date(event.time),
    };
  }
  return undefined;
}
