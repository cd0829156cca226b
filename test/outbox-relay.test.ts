import { randomUUID } from 'node:crypto';
import { agencyTopicSpecs, EventTypes, Topics } from '@mpp/contracts';
import { provisionTopics } from '@mpp/kafka';
import { databaseUrlFromEnv } from '@mpp/persistence';
import type { Kafka } from 'kafkajs';
import { Client } from 'pg';
import { withDatabase } from './support/database';
import { startGateway, type RunningGateway } from './support/gateway-harness';
import { header, testKafka, TopicRecorder } from './support/kafka-probe';
import { waitFor } from './support/wait-for';

const agency = `relay${randomUUID().slice(0, 6)}`;
const topic = Topics.applicationsOf(agency);
const APPLICATIONS = 4;
const EVENTS_PER_APPLICATION = 15;

/** Commits outbox records straight into the gateway's table, as intake would. */
async function enqueue(): Promise<string[]> {
  const ids = Array.from({ length: APPLICATIONS }, () => randomUUID());
  await withDatabase(async (db) => {
    for (let seq = 1; seq <= EVENTS_PER_APPLICATION; seq++) {
      for (const id of ids) {
        await db.query(
          `INSERT INTO gateway.outbox (application_id, topic, event_id, event_type, payload, correlation_id, created_at)
           VALUES ($1, $2, $3, $4, $5, 'relay-test', now())`,
          [id, topic, randomUUID(), EventTypes.applicationSubmitted, { applicationId: id, seq }],
        );
      }
    }
  });
  return ids;
}

describe('outbox relay (real Kafka and PostgreSQL)', () => {
  let kafka: Kafka;
  let recorder: TopicRecorder;
  const relays: RunningGateway[] = [];

  beforeAll(async () => {
    kafka = testKafka();
    const admin = kafka.admin();
    await admin.connect();
    await provisionTopics(admin, agencyTopicSpecs(agency));
    await admin.disconnect();
    recorder = new TopicRecorder(kafka);
    await recorder.start([topic]);
    // Migrations run when a gateway starts; this one relays nothing, so no relay runs yet.
    const migrator = await startGateway({ GATEWAY_ROLES: 'api' });
    await migrator.close();
  }, 60000);

  afterAll(async () => {
    await Promise.all(relays.map((relay) => relay.close()));
    await recorder?.stop();
  }, 30000);

  it('publishes every record once, in order per application, with two relays and a crashed one', async () => {
    // A relay that claimed the first record of one application and died before marking it:
    // its row lock lives until its connection is gone.
    const crashed = new Client({ connectionString: databaseUrlFromEnv() });
    await crashed.connect();
    await crashed.query('BEGIN');
    const ids = await enqueue();
    const stuck = ids[0];
    await crashed.query(
      `SELECT id FROM gateway.outbox WHERE application_id = $1 ORDER BY id LIMIT 1 FOR UPDATE`,
      [stuck],
    );
    // Started one after the other: each reads its configuration from the environment.
    relays.push(await startGateway({ GATEWAY_ROLES: 'relay' }));
    relays.push(await startGateway({ GATEWAY_ROLES: 'relay' }));

    const others = ids.slice(1);
    await waitFor(
      () => others.every((id) => recorder.byKey(id).length === EVENTS_PER_APPLICATION),
      { what: 'the other applications to be relayed' },
    );
    // Nothing of the stuck application may overtake its claimed first record.
    expect(recorder.byKey(stuck)).toHaveLength(0);

    await crashed.end(); // the crash: lock released, nothing marked
    await waitFor(() => recorder.byKey(stuck).length === EVENTS_PER_APPLICATION, {
      what: 'the stuck application to resume',
    });

    for (const id of ids) {
      const published = recorder.byKey(id);
      const sequence = published.map((record) => JSON.parse(record.message.value!.toString()).seq);
      expect(sequence).toEqual(Array.from({ length: EVENTS_PER_APPLICATION }, (_, i) => i + 1));
      expect(new Set(published.map((record) => record.partition)).size).toBe(1);
      expect(new Set(published.map((record) => header(record.message, 'ce_id'))).size).toBe(
        EVENTS_PER_APPLICATION,
      );
    }
    const pending = await withDatabase((db) =>
      db.query(
        `SELECT count(*)::int AS n FROM gateway.outbox WHERE topic = $1 AND published_at IS NULL`,
        [topic],
      ),
    );
    expect(pending.rows[0].n).toBe(0);
  });
});
