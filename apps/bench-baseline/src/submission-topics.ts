import { kafkaConnectionFromEnv, provisionTopics, toKafkaConfig } from '@mpp/kafka';
import { Kafka, logLevel } from 'kafkajs';

/** The request topic; Nest's request-reply answers on `<pattern>.reply`. */
export const SUBMISSIONS_PATTERN = 'bench.baseline.submissions';
export const SUBMISSIONS_REPLY_TOPIC = `${SUBMISSIONS_PATTERN}.reply`;

/** As many partitions as an agency's applications topic, so both sides can spread alike. */
const PARTITIONS = 6;

/** Creates the two topics when missing; the broker does not create topics on demand. */
export async function provisionSubmissionTopics(clientId: string): Promise<void> {
  const kafka = new Kafka({
    ...toKafkaConfig(kafkaConnectionFromEnv(clientId)),
    logLevel: logLevel.WARN,
  });
  const admin = kafka.admin();
  await admin.connect();
  try {
    await provisionTopics(admin, [
      { name: SUBMISSIONS_PATTERN, partitions: PARTITIONS },
      { name: SUBMISSIONS_REPLY_TOPIC, partitions: PARTITIONS },
    ]);
  } finally {
    await admin.disconnect();
  }
}
