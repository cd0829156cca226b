import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { EventTypes, Topics, type FlowRecord } from '@mpp/contracts';
import {
  decodeCloudEvent,
  MessageParking,
  unreadableReason,
  UnsupportedEventType,
} from '@mpp/kafka';
import type { OpsConfig } from '../config/ops.config';
import type { ConsumedBatch } from '../kafka/topic-subscription';
import { TopicSubscriptions } from '../kafka/topic-subscriptions';
import { OpsMetrics } from '../metrics/ops-metrics';
import { FlowRecordStore } from './flow-record.store';
import { parseFlowRecord } from './flow-record.parser';

const CONSUMER = 'ops.flow';

/**
 * Consumes `mpp.flow` into the ops schema; a record delivered twice is stored once, one that
 * breaks the contract is parked.
 */
@Injectable()
export class FlowIngestion {
  constructor(
    subscriptions: TopicSubscriptions,
    config: ConfigService<OpsConfig, true>,
    private readonly store: FlowRecordStore,
    private readonly metrics: OpsMetrics,
    private readonly parking: MessageParking,
  ) {
    subscriptions.add({
      groupId: config.get('OPS_FLOW_GROUP_ID', { infer: true }),
      topics: [Topics.flow],
      handle: (batch) => this.ingest(batch),
    });
  }

  private async ingest({ topic, partition, messages }: ConsumedBatch): Promise<void> {
    const records: FlowRecord[] = [];
    for (const message of messages) {
      try {
        const event = decodeCloudEvent({ headers: message.headers, value: message.value });
        if (event.type !== EventTypes.flowRecorded) {
          throw new UnsupportedEventType(`${event.type} is not a flow record`);
        }
        records.push(parseFlowRecord(event.data));
      } catch (error) {
        // One bad record must not hold up the others.
        this.metrics.skipped('flow');
        await this.parking.park(
          CONSUMER,
          { topic, partition, message },
          unreadableReason(error),
          error,
        );
      }
    }
    const stored = await this.store.ingest(records);
    this.metrics.stored('flow', stored.length);
  }
}
