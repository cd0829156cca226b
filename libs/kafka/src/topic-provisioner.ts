import type { TopicSpec } from '@mpp/contracts';
import type { Admin, ITopicConfig } from 'kafkajs';

/**
 * Creates missing topics with explicit partition counts. Existing topics are left as they are:
 * adding partitions to a key-ordered topic would move keys, so that stays an operator's decision.
 */
export async function provisionTopics(admin: Admin, specs: TopicSpec[]): Promise<string[]> {
  const existing = new Set(await admin.listTopics());
  const missing = specs.filter((spec) => !existing.has(spec.name));
  if (missing.length === 0) return [];
  const topics: ITopicConfig[] = missing.map((spec) => {
    const configEntries: { name: string; value: string }[] = [];
    if (spec.compacted) configEntries.push({ name: 'cleanup.policy', value: 'compact' });
    if (spec.retentionMs)
      configEntries.push({ name: 'retention.ms', value: String(spec.retentionMs) });
    return {
      topic: spec.name,
      numPartitions: spec.partitions,
      replicationFactor: -1,
      configEntries,
    };
  });
  try {
    await admin.createTopics({ topics, waitForLeaders: true });
  } catch (error) {
    // Another instance created the same topics at the same moment.
    if (!(error instanceof Error && /already exists/i.test(error.message))) throw error;
  }
  return missing.map((spec) => spec.name);
}
