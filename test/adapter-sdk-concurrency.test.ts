import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import {
  adapterSchemaOf,
  defineAdapter,
  type AdapterModuleOptions,
  type LegacyConnector,
  type LegacyReceipt,
  type LegacyStatusReport,
} from '@mpp/adapter-sdk';
import {
  connectedProducer,
  publishToAgency,
  startAdapter,
  submittedEvent,
  testKafka,
  waitFor,
  type RunningAdapter,
} from '@mpp/adapter-sdk/testing';
import { ApplicationStatus, type ApplicationSubmitted } from '@mpp/contracts';
import { IsOptional, IsString } from 'class-validator';
import type { Producer } from 'kafkajs';
import { DataSource } from 'typeorm';
import { StatusPoller } from '../libs/adapter-sdk/src/status/status-poller';
import { withdrawService } from './support/registry';

const AGENCY = 'poll-check';
const SERVICE = `${AGENCY}.layanan-uji`;
const SCHEMA = adapterSchemaOf(AGENCY);
const APPLICATIONS = 12;
const POLL_CONCURRENCY = 4;
const LEGACY_CONCURRENCY = 2;
const CALL_MS = 150;

/** Calls of one kind in flight at once, per adapter instance, and the most seen. */
class InFlight {
  private readonly current = new Map<string, number>();
  readonly most = new Map<string, number>();

  async during<T>(instance: string, work: () => Promise<T>): Promise<T> {
    const now = (this.current.get(instance) ?? 0) + 1;
    this.current.set(instance, now);
    this.most.set(instance, Math.max(now, this.most.get(instance) ?? 0));
    try {
      return await work();
    } finally {
      this.current.set(instance, this.current.get(instance)! - 1);
    }
  }

  highest(): number {
    return Math.max(...this.most.values());
  }
}

/** What both instances' legacy systems saw: they stand for one system behind two adapters. */
const seen = {
  checks: new Map<string, number>(),
  submissions: new InFlight(),
  statusChecks: new InFlight(),
};
const slowly = () => new Promise((resolve) => setTimeout(resolve, CALL_MS));

class NoteDto {
  @IsOptional()
  @IsString()
  catatan?: string;
}

@Injectable()
class SlowCheckingSystem implements LegacyConnector {
  readonly system = 'slow-checking';
  private readonly instance = randomUUID();

  async submit(application: ApplicationSubmitted): Promise<LegacyReceipt> {
    await seen.submissions.during(this.instance, slowly);
    return { agencyReference: `REF-${application.applicationId}` };
  }

  async findSubmission(): Promise<LegacyReceipt | undefined> {
    return undefined;
  }

  async resubmit(): Promise<void> {}

  async cancel(): Promise<void> {}

  async checkStatus(reference: string): Promise<LegacyStatusReport> {
    seen.checks.set(reference, (seen.checks.get(reference) ?? 0) + 1);
    await seen.statusChecks.during(this.instance, slowly);
    return { status: ApplicationStatus.IN_PROCESS };
  }

  async probe(): Promise<void> {}
}

const POLL_CHECK_ADAPTER: AdapterModuleOptions = {
  definition: defineAdapter({
    agency: AGENCY,
    agencyName: 'Instansi Uji Pemantauan Status',
    defaultPort: 0,
    services: [
      {
        code: SERVICE,
        name: { id: 'Layanan Uji', en: 'Test service' },
        description: { id: 'Untuk pengujian pemantauan status.', en: 'For status poll tests.' },
        requirements: [],
        standardTime: { value: 1, unit: 'working_days' },
        fee: { amount: 0 },
        legalBasis: [],
        dataDto: NoteDto,
      },
    ],
  }),
  connector: SlowCheckingSystem,
};

/**
 * Two instances of one adapter against a slow legacy system: each handles every partition it
 * has at once but keeps at most ADAPTER_LEGACY_CONCURRENCY submissions in flight, and a status
 * poll asks about every due application once, several at a time but never more than
 * STATUS_POLL_CONCURRENCY per instance, in passes one after the other while any are due.
 */
describe('adapter SDK concurrency towards the legacy system', () => {
  const run = randomUUID().slice(0, 8);
  let producer: Producer;
  const instances: RunningAdapter[] = [];
  let db: DataSource;

  beforeAll(async () => {
    producer = await connectedProducer(testKafka());
    const env = (name: string) => ({
      ADAPTER_GROUP_ID: `test-poll-check-${run}`,
      ADAPTER_INSTANCE_ID: `poll-check-${name}-${run}`,
      // The test runs each poll itself.
      STATUS_POLL_INTERVAL_MS: '600000',
      STATUS_POLL_CONCURRENCY: String(POLL_CONCURRENCY),
      ADAPTER_LEGACY_CONCURRENCY: String(LEGACY_CONCURRENCY),
      ADAPTER_PARTITION_CONCURRENCY: '6',
    });
    // One at a time, each kept at once: a second that fails to start leaves the first closable.
    instances.push(await startAdapter(POLL_CHECK_ADAPTER, env('a')));
    instances.push(await startAdapter(POLL_CHECK_ADAPTER, env('b')));
    db = instances[0].app.get(DataSource);
    await db.query(`DELETE FROM ${SCHEMA}.adapter_submission`);
  }, 90000);

  afterAll(async () => {
    for (const instance of instances) await instance.close();
    await producer?.disconnect();
    await withdrawService(testKafka(), SERVICE);
  }, 30000);

  it('submits with at most the allowed calls in flight per instance, then polls each application once, a bounded number at a time', async () => {
    const events = Array.from({ length: APPLICATIONS }, () =>
      submittedEvent(SERVICE, { nik: '2171011508900041', name: 'Rina Wati', contact: {} }, {}),
    );
    for (const event of events) await publishToAgency(producer, event);
    const ids = events.map((event) => event.data.applicationId);
    await waitFor(
      async () => {
        const [{ count }] = await db.query(
          `SELECT count(*)::int AS count FROM ${SCHEMA}.adapter_submission
            WHERE application_id = ANY($1) AND agency_reference IS NOT NULL`,
          [ids],
        );
        return count === APPLICATIONS;
      },
      { what: 'every application submitted to the legacy system' },
    );
    expect(seen.submissions.highest()).toBe(LEGACY_CONCURRENCY);

    await db.query(
      `UPDATE ${SCHEMA}.adapter_submission SET next_poll_at = now() WHERE application_id = ANY($1)`,
      [ids],
    );

    const polled = await Promise.all(
      instances.map((instance) => instance.app.get(StatusPoller).pollWhileDue()),
    );

    expect(polled.reduce((sum, count) => sum + count, 0)).toBe(APPLICATIONS);
    expect(ids.map((id) => seen.checks.get(`REF-${id}`))).toEqual(ids.map(() => 1));
    expect(seen.statusChecks.highest()).toBeGreaterThan(1);
    expect(seen.statusChecks.highest()).toBeLessThanOrEqual(POLL_CONCURRENCY);
    // Answered checks are due again a poll interval after their answer, not at once.
    const [{ due }] = await db.query(
      `SELECT count(*)::int AS due FROM ${SCHEMA}.adapter_submission
        WHERE application_id = ANY($1) AND next_poll_at <= now() + interval '500 seconds'`,
      [ids],
    );
    expect(due).toBe(0);

    // Alone, one instance checks them all in one poll too: in passes of twice its concurrency
    // (8), one after the other while applications are due, not one pass per interval.
    await db.query(
      `UPDATE ${SCHEMA}.adapter_submission SET next_poll_at = now() WHERE application_id = ANY($1)`,
      [ids],
    );
    expect(await instances[0].app.get(StatusPoller).pollWhileDue()).toBe(APPLICATIONS);
    expect(ids.map((id) => seen.checks.get(`REF-${id}`))).toEqual(ids.map(() => 2));
  });
});
