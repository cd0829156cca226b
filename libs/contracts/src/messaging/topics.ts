/** Every Kafka topic name of the system, defined once (DESIGN.md §3.2). */
export const TOPIC_PREFIX = 'mpp';

export const Topics = {
  status: `${TOPIC_PREFIX}.status`,
  registry: `${TOPIC_PREFIX}.registry`,
  flow: `${TOPIC_PREFIX}.flow`,
  applicationsOf: (agency: string): string => `${TOPIC_PREFIX}.${agency}.applications`,
  deadLettersOf: (agency: string): string => `${TOPIC_PREFIX}.${agency}.applications.dlq`,
} as const;

const AGENCY_CODE = /^[a-z][a-z0-9-]{1,30}$/;

export function isAgencyCode(value: string): boolean {
  return AGENCY_CODE.test(value);
}

/** The agency whose applications topic this is, or undefined for any other topic. */
export function agencyOfApplicationsTopic(topic: string): string | undefined {
  const prefix = `${TOPIC_PREFIX}.`;
  const suffix = '.applications';
  if (!topic.startsWith(prefix) || !topic.endsWith(suffix)) return undefined;
  const agency = topic.slice(prefix.length, -suffix.length);
  return isAgencyCode(agency) ? agency : undefined;
}

export interface TopicSpec {
  name: string;
  partitions: number;
  compacted?: boolean;
  retentionMs?: number;
}

/** Partition counts are explicit: they bound how far an agency's adapters can scale out. */
export const TopicPartitions = {
  agencyApplications: 6,
  agencyDeadLetters: 1,
  status: 6,
  registry: 1,
  flow: 6,
} as const;

export function sharedTopicSpecs(): TopicSpec[] {
  return [
    { name: Topics.status, partitions: TopicPartitions.status },
    { name: Topics.registry, partitions: TopicPartitions.registry, compacted: true },
    { name: Topics.flow, partitions: TopicPartitions.flow, retentionMs: 7 * 24 * 3600 * 1000 },
  ];
}

export function agencyTopicSpecs(agency: string): TopicSpec[] {
  if (!isAgencyCode(agency)) throw new Error(`invalid agency code: ${agency}`);
  return [
    { name: Topics.applicationsOf(agency), partitions: TopicPartitions.agencyApplications },
    { name: Topics.deadLettersOf(agency), partitions: TopicPartitions.agencyDeadLetters },
  ];
}
