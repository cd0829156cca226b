import { Injectable, Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { Admin } from 'kafkajs';
import type { OpsConfig } from '../config/ops.config';
import { KafkaAdmin } from '../kafka/kafka-admin';
import { partitionLag } from './partition-lag';

export interface PartitionLag {
  topic: string;
  partition: number;
  committedOffset: string;
  endOffset: string;
  lag: number;
}

export interface GroupLag {
  groupId: string;
  /** Kafka's group state: Stable while members consume, Empty when none is running. */
  state: string;
  members: number;
  totalLag: number;
  partitions: PartitionLag[];
}

type TopicEnds = Map<string, { low: string; high: string }>;

/** Consumer lag per group and partition, read from the broker with the admin client. */
@Injectable()
export class ConsumerLagReader {
  private readonly logger = new Logger(ConsumerLagReader.name);
  private readonly prefixes: string[];

  constructor(
    private readonly admin: KafkaAdmin,
    config: ConfigService<OpsConfig, true>,
  ) {
    this.prefixes = config.get('OPS_LAG_GROUP_PREFIXES', { infer: true });
  }

  /** Groups whose id starts with one of `prefixes` (OPS_LAG_GROUP_PREFIXES by default). */
  async read(prefixes = this.prefixes): Promise<GroupLag[]> {
    const admin = await this.admin.connected();
    const { groups } = await admin.listGroups();
    const ids = groups
      .filter((group) => group.protocolType === 'consumer')
      .map((group) => group.groupId)
      .filter((id) => prefixes.some((prefix) => id.startsWith(prefix)))
      .sort();
    if (ids.length === 0) return [];
    const { groups: described } = await admin.describeGroups(ids);
    const ends = new Map<string, Promise<TopicEnds | undefined>>();
    const endsOf = (topic: string) => {
      if (!ends.has(topic)) ends.set(topic, this.topicEnds(admin, topic));
      return ends.get(topic)!;
    };
    return Promise.all(
      described.map(async (group) => {
        const partitions: PartitionLag[] = [];
        for (const { topic, partitions: committed } of await admin.fetchOffsets({
          groupId: group.groupId,
        })) {
          const topicEnds = await endsOf(topic);
          for (const { partition, offset } of committed) {
            const end = topicEnds?.get(String(partition));
            if (!end) continue;
            partitions.push({
              topic,
              partition,
              committedOffset: offset,
              endOffset: end.high,
              lag: partitionLag(offset, end.low, end.high),
            });
          }
        }
        partitions.sort((a, b) => a.topic.localeCompare(b.topic) || a.partition - b.partition);
        return {
          groupId: group.groupId,
          state: group.state,
          members: group.members.length,
          totalLag: partitions.reduce((sum, partition) => sum + partition.lag, 0),
          partitions,
        };
      }),
    );
  }

  /** Low and high watermarks by partition; undefined for a topic deleted meanwhile. */
  private async topicEnds(admin: Admin, topic: string): Promise<TopicEnds | undefined> {
    try {
      const offsets = await admin.fetchTopicOffsets(topic);
      return new Map(offsets.map((o) => [String(o.partition), { low: o.low, high: o.high }]));
    } catch (error) {
      this.logger.warn(`no offsets for ${topic}: ${String(error)}`);
      return undefined;
    }
  }
}
