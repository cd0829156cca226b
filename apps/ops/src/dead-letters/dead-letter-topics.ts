import { isAgencyCode, Topics } from '@mpp/contracts';

// The contract builds dead-letter topic names from an agency code; its two fixed ends are
// taken from the builder itself so that they are written down in one place only.
const [PREFIX, SUFFIX] = Topics.deadLettersOf('\u0000').split('\u0000');

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Every agency's dead-letter topic, those created later included once re-subscribed. */
export const DEAD_LETTER_TOPICS = new RegExp(`^${escape(PREFIX)}[^.]+${escape(SUFFIX)}$`);

/** The agency whose dead-letter topic this is, or undefined for any other topic. */
export function agencyOfDeadLetterTopic(topic: string): string | undefined {
  if (!topic.startsWith(PREFIX) || !topic.endsWith(SUFFIX)) return undefined;
  const agency = topic.slice(PREFIX.length, topic.length - SUFFIX.length);
  return isAgencyCode(agency) && Topics.deadLettersOf(agency) === topic ? agency : undefined;
}
