import { Injectable, Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { EventTypes, Topics, type FlowRecord } from '@mpp/contracts';
import { decodeCloudEvent } from '@mpp/kafka';
import type { KafkaMessage } from 'kafkajs';
import type { OpsConfig } from '../config/ops.config';
import { TopicSubscriptions } from '../kafka/topic-subscriptions';
import { OpsMetrics } from '../metrics/ops-metrics';
import { FlowRecordStore } from './flow-record.store';
import { parseFlowRecord } from './flow-record.parser';

/** Consumes `mpp.flow` into the ops schema; a record delivered twice is stored once. */
@Injectable()
export class FlowIngestion {
  private readonly logger = new Logger(FlowIngestion.name);

  constructor(
    subscriptions: TopicSubscriptions,
    config: ConfigService<OpsConfig, true>,
    private readonly store: FlowRecordStore,
    private readonly metrics: OpsMetrics,
  ) {
    subscriptions.add({
      groupId: config.get('OPS_FLOW_GROUP_ID', { infer: true }),
      topics: [Topics.flow],
      handle: ({ messages }) => this.ingest(messages),
    });
  }

  private async ingest(messages: KafkaMessage[]): Promise<void> {
    const records: FlowRecord[] = [];
    for (const message of messages) {
      try {
        const event = decodeCloudEvent({ headers: message.headers, value: message.value });
        if (event.type !== EventTypes.flowRecorded)
          throw new Error(`unexpected type ${event.type}`);
        records.push(parseFlowRecord(event.data));
      } catch (error) {
        // One bad record must not hold up the others.
        this.metrics.skipped('flow');
        this.logger.warn(`skipped flow record at offset ${message.offset}: ${String(error)}`);
      }
    }
    const stored = await this.store.ingest(records);
    this.metrics.stored('flow', stored.length);
  }
}
