import { Topics } from '@mpp/contracts';
import { agencyOfDeadLetterTopic, DEAD_LETTER_TOPICS } from './dead-letter-topics';

describe('dead-letter topics', () => {
  it('matches every agency dead-letter topic and nothing else', () => {
    expect(DEAD_LETTER_TOPICS.test(Topics.deadLettersOf('disdukcapil'))).toBe(true);
    expect(DEAD_LETTER_TOPICS.test(Topics.deadLettersOf('agency-new-2'))).toBe(true);
    for (const other of [
      Topics.applicationsOf('disdukcapil'),
      Topics.flow,
      Topics.status,
      Topics.registry,
      'mpp.a.b.applications.dlq',
      'xmpp.disdukcapil.applications.dlq',
    ]) {
      expect(DEAD_LETTER_TOPICS.test(other)).toBe(false);
    }
  });

  it('names the agency of a dead-letter topic', () => {
    expect(agencyOfDeadLetterTopic(Topics.deadLettersOf('dpmptsp'))).toBe('dpmptsp');
    expect(agencyOfDeadLetterTopic(Topics.applicationsOf('dpmptsp'))).toBeUndefined();
    expect(agencyOfDeadLetterTopic('mpp.Not_An_Agency.applications.dlq')).toBeUndefined();
  });
});
