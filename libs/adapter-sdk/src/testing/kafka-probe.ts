import { randomUUID } from 'node:crypto';
import { kafkaConnectionFromEnv, toKafkaConfig } from '@mpp/kafka';
import { Kafka, logLevel, type Consumer, type KafkaMessage, type Producer } from 'kafkajs';

export function testKafka(): Kafka {
  return new Kafka({ ...toKafkaConfig(kafkaConnectionFromEnv('tests')), logLevel: logLevel.ERROR });
}

export interface RecordedMessage {
  topic: string;
  partition: number;
  message: KafkaMessage;
}

/** Records every message of some topics from now on, for assertions. */
export class TopicRecorder {
  readonly messages: RecordedMessage[] = [];
  private consumer?: Consumer;

  constructor(private readonly kafka: Kafka) {}

  /**
   * Subscribes a new group. `fromBeginning` reads what the topics already hold, except for those
   * in `skipBacklogOf`, which are read from their end: on a shared broker `mpp.status` holds
   * every earlier run's reports.
   */
  async start(
    topics: string[],
    fromBeginning = false,
    skipBacklogOf: string[] = [],
  ): Promise<void> {
    const groupId = `test-recorder-${randomUUID()}`;
    await startGroupAtEnd(this.kafka, groupId, skipBacklogOf);
    this.consumer = this.kafka.consumer({
      groupId,
      sessionTimeout: 10000,
      heartbeatInterval: 1000,
      maxWaitTimeInMs: 500,
    });
    await this.consumer.connect();
    await this.consumer.subscribe({ topics, fromBeginning });
    let assigned = false;
    this.consumer.on(this.consumer.events.GROUP_JOIN, () => (assigned = true));
    await this.consumer.run({
      eachMessage: async ({ topic, partition, message }) => {
        this.messages.push({ topic, partition, message });
      },
    });
    const deadline = Date.now() + 30000;
    while (!assigned && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  }

  byKey(key: string): RecordedMessage[] {
    return this.messages.filter((record) => record.message.key?.toString() === key);
  }

  async stop(): Promise<void> {
    await this.consumer?.disconnect();
  }
}

export async function connectedProducer(kafka: Kafka): Promise<Producer> {
  const producer = kafka.producer({ allowAutoTopicCreation: false });
  await producer.connect();
  return producer;
}

export function header(message: KafkaMessage, name: string): string | undefined {
  const value = message.headers?.[name];
  if (value === undefined) return undefined;
  const single = Array.isArray(value) ? value[0] : value;
  return single?.toString();
}

/**
 * Commits the end of its topics as a consumer group's offsets before a consumer starts in it,
 * so the consumer reads what is sent from now on and not what earlier runs left on the broker.
 * Topics that do not exist yet are left alone: whatever they will hold is new.
 */
export async function startGroupAtEnd(
  kafka: Kafka,
  groupId: string,
  topics: string[],
): Promise<void> {
  if (topics.length === 0) return;
  const admin = kafka.admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    for (const topic of topics.filter((name) => existing.has(name))) {
      const ends = await admin.fetchTopicOffsets(topic);
      await admin.setOffsets({
        groupId,
        topic,
        partitions: ends.map(({ partition, high }) => ({ partition, offset: high })),
      });
    }
  } finally {
    await admin.disconnect();
  }
}

/**
 * Like `startGroupAtEnd`, for a group that has committed no offset on the topics yet and has no
 * member: a group that has (an adapter started again in the same test, or a second instance
 * beside a first) goes on as it is. Topics that do not exist yet are left alone; whatever they
 * will hold is new.
 */
export async function startNewGroupAtEnd(
  kafka: Kafka,
  groupId: string,
  topics: string[],
): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  let fresh: string[] = [];
  try {
    const [group] = (await admin.describeGroups([groupId])).groups;
    if (group.members.length > 0) return;
    const existing = new Set(await admin.listTopics());
    const committed = await admin.fetchOffsets({
      groupId,
      topics: topics.filter((topic) => existing.has(topic)),
    });
    fresh = committed
      .filter(({ partitions }) => partitions.every(({ offset }) => Number(offset) < 0))
      .map(({ topic }) => topic);
  } finally {
    await admin.disconnect();
  }
  await startGroupAtEnd(kafka, groupId, fresh);
}
