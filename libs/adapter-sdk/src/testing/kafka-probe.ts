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

  async start(topics: string[], fromBeginning = false): Promise<void> {
    this.consumer = this.kafka.consumer({
      groupId: `test-recorder-${randomUUID()}`,
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
