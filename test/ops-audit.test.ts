import { randomUUID } from 'node:crypto';
import { runOperatorCli } from '../apps/ops/src/cli/operator-cli';
import { withDatabase } from './support/database';
import { testKafka } from './support/kafka-probe';
import {
  provisionAgencyTopics,
  startOps,
  type RunningOps,
  type TestOperator,
} from './support/ops-harness';

const agency = `opsaudit${randomUUID().slice(0, 6)}`;

/** A dead letter as ops stores it once consumed, written straight into its table. */
async function storedDeadLetter(): Promise<{ id: string; applicationId: string }> {
  const applicationId = randomUUID();
  const { rows } = await withDatabase((db) =>
    db.query(
      `INSERT INTO ops.dead_letter (agency, dlq_topic, dlq_partition, dlq_offset, dlq_timestamp,
         message_key, message_value, headers, reason, error, attempts, application_id, event_type)
       VALUES ($1, $2, 0, (SELECT coalesce(max(dlq_offset), 0) + 1 FROM ops.dead_letter), now(),
         $3, $4, '[]', 'failed', 'boom', 3, $5, 'id.go.batam.mpp.application.submitted.v1')
       RETURNING id`,
      [
        agency,
        `mpp.${agency}.applications.dlq`,
        Buffer.from(applicationId),
        Buffer.from('{}'),
        applicationId,
      ],
    ),
  );
  return { id: String(rows[0].id), applicationId };
}

describe('ops audit log', () => {
  let ops: RunningOps;
  let admin: TestOperator;

  const call = (path: string, method = 'GET', body?: unknown) =>
    ops.request(path, { apiKey: admin.apiKey, method, body });
  const auditOf = (subject: string) =>
    withDatabase(async (db) => {
      const { rows } = await db.query(
        `SELECT id, position, actor, action, detail FROM ops.audit_record
          WHERE subject = $1 ORDER BY id`,
        [subject],
      );
      return rows;
    });

  beforeAll(async () => {
    ops = await startOps();
    admin = await ops.createOperator('admin');
    await provisionAgencyTopics(testKafka(), agency);
  }, 60000);

  afterAll(async () => {
    await ops?.close();
  }, 30000);

  it('records operator and key management, by the admin or the CLI', async () => {
    const created = await call('/v1/operators', 'POST', {
      name: `audit-${randomUUID().slice(0, 8)}`,
      role: 'ops',
    });
    expect(created.status).toBe(201);
    const operatorId = created.body.operator.id;
    const issued = await call(`/v1/operators/${operatorId}/keys`, 'POST', {});
    expect(
      (await call(`/v1/operators/${operatorId}/keys/${issued.body.id}`, 'DELETE')).status,
    ).toBe(204);
    const err: string[] = [];
    const cliKey = await runOperatorCli(['key', created.body.operator.name], {
      out: () => undefined,
      err: (line) => err.push(line),
    });
    expect(cliKey).toBe(0);

    const rows = await auditOf(`operator:${operatorId}`);
    expect(rows.map(({ actor, action }) => [actor, action])).toEqual([
      [`operator:${admin.name}`, 'operator.created'],
      [`operator:${admin.name}`, 'operator.key-issued'],
      [`operator:${admin.name}`, 'operator.key-issued'],
      [`operator:${admin.name}`, 'operator.key-revoked'],
      ['cli', 'operator.key-issued'],
    ]);
    expect(rows[3].detail).toEqual({ keyId: issued.body.id });
    expect(JSON.stringify(rows)).not.toContain(issued.body.apiKey);
  });

  it('records every replay and discard, without the free-text reason', async () => {
    const replayed = await storedDeadLetter();
    const discarded = await storedDeadLetter();
    const reason = 'Pemohon Siti Aminah minta dikirim ulang';
    expect((await call(`/v1/dead-letters/${replayed.id}/replay`, 'POST', { reason })).status).toBe(
      200,
    );
    expect(
      (await call(`/v1/dead-letters/${discarded.id}/discard`, 'POST', { reason })).status,
    ).toBe(200);

    const [replay] = await auditOf(`dead-letter:${replayed.id}`);
    const [discard] = await auditOf(`dead-letter:${discarded.id}`);
    expect(replay).toMatchObject({
      actor: `operator:${admin.name}`,
      action: 'dead-letter.replayed',
      detail: { agency, applicationId: replayed.applicationId, parkedFor: 'failed' },
    });
    expect(discard).toMatchObject({ action: 'dead-letter.discarded' });
    expect(JSON.stringify([replay, discard])).not.toContain('Siti');
  });

  it('verifies its own chain and names a record altered in SQL', async () => {
    const valid = await call('/v1/audit/verify');
    expect(valid.status).toBe(200);
    expect(valid.body).toMatchObject({ valid: true, unsealed: 0, firstBroken: null });
    expect(valid.body.checked).toBeGreaterThanOrEqual(7);

    const { id } = await storedDeadLetter();
    await call(`/v1/dead-letters/${id}/discard`, 'POST', { reason: 'uji coba' });
    await call('/v1/audit/verify');
    const [record] = await auditOf(`dead-letter:${id}`);
    await withDatabase(async (db) => {
      await db.query(`UPDATE ops.audit_record SET actor = 'operator:someone-else' WHERE id = $1`, [
        record.id,
      ]);
      try {
        const broken = await call('/v1/audit/verify');
        expect(broken.body).toMatchObject({
          valid: false,
          firstBroken: {
            id: record.id,
            position: Number(record.position),
            problem: 'content-altered',
          },
        });
      } finally {
        await db.query(`UPDATE ops.audit_record SET actor = $2 WHERE id = $1`, [
          record.id,
          record.actor,
        ]);
      }
    });
    expect((await call('/v1/audit/verify')).body.valid).toBe(true);
  });

  it('answers verification to operators only', async () => {
    expect((await ops.request('/v1/audit/verify')).status).toBe(401);
  });
});
