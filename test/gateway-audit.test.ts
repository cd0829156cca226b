import { randomUUID } from 'node:crypto';
import { appendAuditRecord } from '@mpp/audit';
import type { Kafka } from 'kafkajs';
import type { Client } from 'pg';
import { DataSource } from 'typeorm';
import {
  applyAgencyStatuses,
  submitTestApplication,
  TEST_APPLICANT,
} from './support/test-applications';
import { withDatabase } from './support/database';
import { startGateway, type GatewayClient, type RunningGateway } from './support/gateway-harness';
import { testKafka } from './support/kafka-probe';
import { announceService, testServiceDescriptor, withdrawService } from './support/registry';

const agency = `audit${randomUUID().slice(0, 6)}`;
const service = testServiceDescriptor(agency);
const { nik: NIK, name: NAME } = TEST_APPLICANT;

interface AuditRow {
  id: string;
  position: string;
  actor: string;
  action: string;
  subject: string;
  detail: Record<string, unknown>;
}

const auditRows = (db: Client, subject: string) =>
  db
    .query<AuditRow>(
      `SELECT id, position, actor, action, subject, detail FROM gateway.audit_record
        WHERE subject = $1 ORDER BY position NULLS LAST, id`,
      [subject],
    )
    .then((result) => result.rows);

describe('gateway audit log: a hash chain of every change', () => {
  let kafka: Kafka;
  let gateways: RunningGateway[];
  let gateway: RunningGateway;

  const submit = async (via: RunningGateway = gateway) =>
    (await submitTestApplication(via, service.code)).id;
  const verify = async (as: GatewayClient = gateway.admin) => {
    const response = await gateway.fetch('/v1/audit/verify', {}, as);
    expect(response.status).toBe(200);
    return (await response.json()) as any;
  };

  beforeAll(async () => {
    kafka = testKafka();
    await announceService(kafka, service);
    // Two instances: two sealers compete for the same chain.
    // Status reports are applied through the use case, so no instance consumes mpp.status.
    gateways = [
      await startGateway({ GATEWAY_ROLES: 'api,relay,catalog' }),
      await startGateway({ GATEWAY_ROLES: 'api,relay,catalog' }),
    ];
    gateway = gateways[0];
    for (const each of gateways) {
      await each.waitForServices(service.code);
    }
  }, 60000);

  afterAll(async () => {
    await withdrawService(kafka, service.code);
    await Promise.all((gateways ?? []).map((each) => each.close()));
  }, 30000);

  it('records submissions, applied statuses and requests, with who did it and no personal data', async () => {
    const id = await submit();
    await applyAgencyStatuses(gateway, service.code, id, ['DELIVERED', 'IN_PROCESS']);
    const cancellation = await gateway.fetch(`/v1/applications/${id}/cancellation`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ reason: `salah isi, ${NAME}` }),
    });
    expect(cancellation.status).toBe(202);

    const rows = await withDatabase((db) => auditRows(db, `application:${id}`));
    expect(rows.map(({ actor, action }) => [actor, action])).toEqual([
      [`client:${gateway.client.id}`, 'application.submitted'],
      [`agency:${agency}`, 'application.status-applied'],
      [`agency:${agency}`, 'application.status-applied'],
      [`client:${gateway.client.id}`, 'application.cancellation-requested'],
    ]);
    expect(rows[0].detail).toEqual({ serviceCode: service.code, agency });
    expect(rows[2].detail).toMatchObject({ status: 'IN_PROCESS', previousStatus: 'DELIVERED' });
    const text = JSON.stringify(rows);
    expect(text).not.toContain(NIK);
    expect(text).not.toContain(NAME);
  });

  it('records client, key and grant changes with the administrator who made them', async () => {
    const created = await gateway.createClient(['client'], [service.code]);
    const keyResponse = await gateway.fetch(
      `/v1/admin/clients/${created.id}/keys`,
      { method: 'POST' },
      gateway.admin,
    );
    const { keyId } = (await keyResponse.json()) as { keyId: string };
    await gateway.fetch(
      `/v1/admin/clients/${created.id}/grants`,
      {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ grants: [`${agency}.*`] }),
      },
      gateway.admin,
    );
    const revoked = await gateway.fetch(
      `/v1/admin/clients/${created.id}/keys/${keyId}`,
      { method: 'DELETE' },
      gateway.admin,
    );
    expect(revoked.status).toBe(204);

    const rows = await withDatabase((db) => auditRows(db, `client:${created.id}`));
    expect(rows.map(({ actor, action, detail }) => [actor, action, detail])).toEqual([
      [
        'client:admin',
        'client.created',
        expect.objectContaining({ roles: ['client'], grants: [service.code] }),
      ],
      ['client:admin', 'client.key-issued', expect.objectContaining({ keyId })],
      ['client:admin', 'client.grants-replaced', { grants: [`${agency}.*`] }],
      ['client:admin', 'client.key-revoked', { keyId }],
    ]);
    expect(JSON.stringify(rows)).not.toContain(created.apiKey);
  });

  it('keeps one unbroken chain under parallel appends from two instances', async () => {
    const before = await verify();
    const direct = gateways.map((each) => each.app.get(DataSource));
    await Promise.all([
      ...Array.from({ length: 30 }, (_, i) => submit(gateways[i % 2])),
      ...Array.from({ length: 60 }, (_, i) =>
        direct[i % 2].transaction((tx) =>
          appendAuditRecord(tx, {
            actor: 'system',
            action: 'test.appended',
            subject: `test:${i}`,
            detail: { i },
          }),
        ),
      ),
    ]);
    const after = await verify();
    expect(after).toMatchObject({ valid: true, unsealed: 0, firstBroken: null });
    expect(after.checked).toBeGreaterThanOrEqual(before.checked + 90);
    expect(after.head.position).toBe(after.checked);
    expect(after.head.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('lets only ops and admin verify', async () => {
    expect((await gateway.fetch('/v1/audit/verify')).status).toBe(403);
    const ops = await gateway.createClient(['ops'], []);
    expect((await verify(ops)).valid).toBe(true);
  });

  describe('names the first record broken by tampering in SQL', () => {
    /** Three consecutive sealed records in the middle of the chain. */
    let target: { id: string; position: number; detail: unknown };

    beforeAll(async () => {
      const id = await submit();
      await submit();
      await verify();
      const [row] = await withDatabase((db) => auditRows(db, `application:${id}`));
      target = { id: row.id, position: Number(row.position), detail: row.detail };
    });

    afterEach(async () => {
      // Every tampering is undone, so the chain stays valid for whatever runs next.
      expect(await verify()).toMatchObject({ valid: true, firstBroken: null });
    });

    it('a changed detail', async () => {
      await withDatabase(async (db) => {
        await db.query(
          `UPDATE gateway.audit_record SET detail = jsonb_set(detail, '{agency}', '"other"') WHERE id = $1`,
          [target.id],
        );
        try {
          expect(await verify()).toMatchObject({
            valid: false,
            head: { position: target.position - 1 },
            firstBroken: {
              id: target.id,
              position: target.position,
              action: 'application.submitted',
              problem: 'content-altered',
            },
          });
        } finally {
          await db.query(`UPDATE gateway.audit_record SET detail = $2 WHERE id = $1`, [
            target.id,
            target.detail,
          ]);
        }
      });
    });

    it('a deleted record', async () => {
      await withDatabase(async (db) => {
        const { rows } = await db.query(`SELECT * FROM gateway.audit_record WHERE id = $1`, [
          target.id,
        ]);
        await db.query(`DELETE FROM gateway.audit_record WHERE id = $1`, [target.id]);
        try {
          const answer = await verify();
          expect(answer).toMatchObject({
            valid: false,
            firstBroken: { position: target.position + 1, problem: 'records-missing-before' },
          });
          expect(answer.firstBroken.explanation).toContain(`position ${target.position}`);
        } finally {
          const row = rows[0];
          await db.query(
            `INSERT INTO gateway.audit_record
               (id, position, at, actor, action, subject, detail, previous_hash, hash)
             OVERRIDING SYSTEM VALUE VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
            [
              row.id,
              row.position,
              row.at,
              row.actor,
              row.action,
              row.subject,
              row.detail,
              row.previous_hash,
              row.hash,
            ],
          );
        }
      });
    });

    it('two records swapped', async () => {
      // Positions are unique, so the swap parks one of them on a free position first.
      const swap = async (db: Client) => {
        const p = target.position;
        await db.query(`UPDATE gateway.audit_record SET position = -1 WHERE position = $1`, [p]);
        await db.query(`UPDATE gateway.audit_record SET position = $1 WHERE position = $1 + 1`, [
          p,
        ]);
        await db.query(`UPDATE gateway.audit_record SET position = $1 + 1 WHERE position = -1`, [
          p,
        ]);
      };
      await withDatabase(async (db) => {
        const { rows } = await db.query(`SELECT id FROM gateway.audit_record WHERE position = $1`, [
          target.position + 1,
        ]);
        await swap(db);
        try {
          expect(await verify()).toMatchObject({
            valid: false,
            firstBroken: {
              id: rows[0].id,
              position: target.position,
              problem: 'previous-hash-mismatch',
            },
          });
        } finally {
          await swap(db);
        }
      });
    });
  });
});
