import type { Kafka, Producer } from 'kafkajs';
import { demoApplicationId } from '../apps/gateway/src/demo-seeder/demo-month-plan';
import type { DemoSeedSummary } from '../apps/gateway/src/demo-seeder/demo-seeder';
import { DEMO_SEEDER_SOURCE } from '../apps/gateway/src/demo-seeder/status-reports';
import { withDatabase } from './support/database';
import { freshSeed, seedMonth, startSeedingGateway } from './support/demo-month';
import { startGateway, type RunningGateway } from './support/gateway-harness';
import { connectedProducer, testKafka } from './support/kafka-probe';
import { waitFor } from './support/wait-for';

/** A moment's day on the Jakarta calendar. */
const jakartaDay = (at: Date) => new Date(at.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);

describe('demo seeder (real gateway, Kafka and PostgreSQL)', () => {
  let kafka: Kafka;
  let gateway: RunningGateway;
  let producer: Producer;
  const seed = freshSeed();
  let first: DemoSeedSummary;
  let firstRunMs: number;
  let ids: string[];

  beforeAll(async () => {
    kafka = testKafka();
    gateway = await startSeedingGateway(kafka);
    producer = await connectedProducer(kafka);
    const startedAt = Date.now();
    first = await seedMonth(gateway, producer, seed);
    firstRunMs = Date.now() - startedAt;
    ids = Array.from({ length: first.planned }, (_, index) => demoApplicationId(seed, index));
    // The seeder waits only for the statuses that corrections and surveys follow; the others
    // may still be on their way through mpp.status when it returns.
    await waitFor(async () => (await appliedReports()) >= first.statusReports, {
      what: 'every seeded status report applied',
    });
  }, 120000);

  const appliedReports = () =>
    withDatabase(async (db) =>
      Number(
        (
          await db.query(
            `SELECT count(*) FROM gateway.status_event_receipt
              WHERE application_id = ANY($1) AND source = $2`,
            [ids, DEMO_SEEDER_SOURCE],
          )
        ).rows[0].count,
      ),
    );

  afterAll(async () => {
    await producer?.disconnect();
    await gateway?.close();
  }, 30000);

  /** What the gateway stored for the seeded applications. */
  const stored = () =>
    withDatabase(async (db) => {
      const count = async (sql: string) => Number((await db.query(sql, [ids])).rows[0].count);
      return {
        applications: await count(`SELECT count(*) FROM gateway.application WHERE id = ANY($1)`),
        statusChanges: await count(
          `SELECT count(*) FROM gateway.application_status_change WHERE application_id = ANY($1)`,
        ),
        resubmissions: await count(
          `SELECT count(*) FROM gateway.application_request WHERE application_id = ANY($1)`,
        ),
        surveys: await count(
          `SELECT count(*) FROM gateway.survey_response WHERE application_id = ANY($1)`,
        ),
        outbox: await count(`SELECT count(*) FROM gateway.outbox WHERE application_id = ANY($1)`),
      };
    });

  it('records a month of applications, statuses, corrections and surveys within a minute', async () => {
    expect(firstRunMs).toBeLessThan(60000);
    expect(first.planned).toBeGreaterThan(400);
    expect(first.applications).toEqual({ recorded: first.planned });
    expect(first.resubmissions.recorded).toBeGreaterThan(20);
    expect(first.surveys.recorded).toBeGreaterThan(200);
    expect(await stored()).toEqual({
      applications: first.planned,
      // SUBMITTED of each, then every reported status.
      statusChanges: first.planned + first.statusReports,
      resubmissions: first.resubmissions.recorded,
      surveys: first.surveys.recorded,
      // History: nothing was sent to an agency.
      outbox: 0,
    });
    const receipts = await withDatabase(
      async (db) =>
        (
          await db.query(
            `SELECT outcome, count(*)::int AS count FROM gateway.status_event_receipt
              WHERE application_id = ANY($1) AND source = $2 GROUP BY outcome`,
            [ids, DEMO_SEEDER_SOURCE],
          )
        ).rows,
    );
    expect(receipts).toEqual([{ outcome: 'APPLIED', count: first.statusReports }]);
  });

  it('spreads the submissions over the month, few on days off, all in the past', async () => {
    const days: { day: string; weekday: number; count: number }[] = await withDatabase(
      async (db) =>
        (
          await db.query(
            `SELECT to_char(submitted_at AT TIME ZONE 'Asia/Jakarta', 'YYYY-MM-DD') AS day,
                    extract(isodow FROM submitted_at AT TIME ZONE 'Asia/Jakarta')::int AS weekday,
                    count(*)::int AS count
               FROM gateway.application WHERE id = ANY($1) GROUP BY 1, 2`,
            [ids],
          )
        ).rows,
    );
    expect(days.length).toBeGreaterThan(35);
    expect(days.every(({ day }) => day < jakartaDay(new Date(first.until)))).toBe(true);
    const weekends = days.filter(({ weekday }) => weekday >= 6);
    const busiestWeekend = Math.max(...weekends.map(({ count }) => count));
    const busiestDay = Math.max(...days.map(({ count }) => count));
    expect(busiestWeekend).toBeLessThan(busiestDay / 4);
  });

  it('gives the reports non-empty figures for every agency over the month', async () => {
    const until = new Date(first.until);
    const period = `from=${jakartaDay(new Date(until.getTime() - 30 * 86_400_000))}&to=${jakartaDay(new Date(until.getTime() - 1))}`;
    const report = async (path: string) =>
      (await (await gateway.fetch(`${path}?${period}`, {}, gateway.admin)).json()) as any;

    const ikm = await report('/v1/reports/ikm');
    const seededAgencies = ['bpbatam', 'disdukcapil', 'dpmptsp'];
    const agencies = ikm.agencies.filter((row: any) => seededAgencies.includes(row.agency));
    expect(agencies).toHaveLength(3);
    for (const row of agencies) {
      expect(row.respondents).toBeGreaterThan(5);
      expect(row.category).toMatch(/^[A-D]$/);
    }

    const performance = await report('/v1/reports/performance');
    for (const agency of seededAgencies) {
      const row = performance.agencies.find((candidate: any) => candidate.agency === agency);
      expect(row.sla.measured).toBeGreaterThan(0);
      expect(row.sla.compliance).toBeGreaterThan(0);
      expect(row.agencyHours.median).toBeGreaterThan(0);
      expect(row.finished.total).toBeGreaterThan(0);
    }
    expect(performance.total.reached.NEEDS_REVISION).toBeGreaterThan(0);
    expect(performance.total.finished.rejected).toBeGreaterThan(0);
    expect(performance.total.finished.cancelled).toBeGreaterThan(0);
    expect(performance.total.backlog.total).toBeGreaterThan(0);
    expect(performance.total.overdue).toBeGreaterThan(0);

    const byService = await report('/v1/reports/performance/agencies/dpmptsp');
    expect(byService.services.map((row: any) => row.serviceCode).sort()).toEqual([
      'dpmptsp.nib',
      'dpmptsp.pbg',
    ]);
  });

  it('adds nothing when run again with the same seed on the same day', async () => {
    const before = await stored();
    const again = await seedMonth(gateway, producer, seed);
    expect(again.planned).toBe(first.planned);
    expect(again.applications).toEqual({ 'already-recorded': first.planned });
    expect(again.resubmissions).toEqual({ 'already-recorded': first.resubmissions.recorded });
    expect(again.surveys).toEqual({ 'already-recorded': first.surveys.recorded });
    expect(await stored()).toEqual(before);
  });

  it('refuses history in the future, and has no seeding routes unless enabled', async () => {
    const future = await gateway.fetch('/v1/seeding/surveys', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        surveys: [
          {
            applicationId: ids[0],
            submittedAt: new Date(Date.now() + 3_600_000).toISOString(),
            answers: { U1: 4, U2: 4, U3: 4, U4: 4, U5: 4, U6: 4, U7: 4, U8: 4, U9: 4 },
          },
        ],
      }),
    });
    expect(future.status).toBe(400);
    expect(((await future.json()) as any).errors[0]).toMatchObject({
      field: 'surveys[0].submittedAt',
      code: 'inThePast',
    });

    const production = await startGateway({ GATEWAY_ROLES: 'api' });
    try {
      const answer = await production.fetch('/v1/seeding/applications', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ applications: [] }),
      });
      expect(answer.status).toBe(404);
    } finally {
      await production.close();
    }
  });
});
