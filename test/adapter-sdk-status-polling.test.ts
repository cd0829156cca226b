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
const CONCURRENCY = 4;
const CHECK_MS = 150;

/** What both instances' legacy systems saw: they stand for one system behind two adapters. */
const seen = {
  checks: new Map<string, number>(),
  inFlight: new Map<string, number>(),
  mostInFlight: new Map<string, number>(),
};

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
    return { agencyReference: `REF-${application.applicationId}` };
  }

  async findSubmission(): Promise<LegacyReceipt | undefined> {
    return undefined;
  }

  async resubmit(): Promise<void> {}

  async cancel(): Promise<void> {}

  async checkStatus(reference: string): Promise<LegacyStatusReport> {
    seen.checks.set(reference, (seen.checks.get(reference) ?? 0) + 1);
    const inFlight = (seen.inFlight.get(this.instance) ?? 0) + 1;
    seen.inFlight.set(this.instance, inFlight);
    seen.mostInFlight.set(
      this.instance,
      Math.max(inFlight, seen.mostInFlight.get(this.instance) ?? 0),
    );
    await new Promise((resolve) => setTimeout(resolve, CHECK_MS));
    seen.inFlight.set(this.instance, seen.inFlight.get(this.instance)! - 1);
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
 * Status polling with two instances of one adapter: every due application is asked about once,
 * several at a time but never more than STATUS_POLL_CONCURRENCY per instance.
 */
describe('adapter SDK status polling', () => {
  const run = randomUUID().slice(0, 8);
  let producer: Producer;
  let instances: RunningAdapter[];
  let db: DataSource;

  beforeAll(async () => {
    producer = await connectedProducer(testKafka());
    const env = (name: string) => ({
      ADAPTER_GROUP_ID: `test-poll-check-${run}`,
      ADAPTER_INSTANCE_ID: `poll-check-${name}-${run}`,
      // The test runs each poll itself.
      STATUS_POLL_INTERVAL_MS: '600000',
      STATUS_POLL_CONCURRENCY: String(CONCURRENCY),
    });
    instances = [
      await startAdapter(POLL_CHECK_ADAPTER, env('a')),
      await startAdapter(POLL_CHECK_ADAPTER, env('b')),
    ];
    db = instances[0].app.get(DataSource);
    await db.query(`DELETE FROM ${SCHEMA}.adapter_submission`);
  }, 90000);

  afterAll(async () => {
    await Promise.all((instances ?? []).map((instance) => instance.close()));
    await producer?.disconnect();
    await withdrawService(testKafka(), SERVICE);
  }, 30000);

  it('asks about each due application once across instances, a bounded number at a time', async () => {
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
    await db.query(
      `UPDATE ${SCHEMA}.adapter_submission SET next_poll_at = now() WHERE application_id = ANY($1)`,
      [ids],
    );

    const polled = await Promise.all(
      instances.map((instance) => instance.app.get(StatusPoller).pollOnce()),
    );

    expect(polled.reduce((sum, count) => sum + count, 0)).toBe(APPLICATIONS);
    expect(ids.map((id) => seen.checks.get(`REF-${id}`))).toEqual(ids.map(() => 1));
    const mostInFlight = [...seen.mostInFlight.values()];
    expect(Math.max(...mostInFlight)).toBeGreaterThan(1);
    expect(Math.max(...mostInFlight)).toBeLessThanOrEqual(CONCURRENCY);
    // Answered checks are due again a poll interval after their answer, not at once.
    const [{ due }] = await db.query(
      `SELECT count(*)::int AS due FROM ${SCHEMA}.adapter_submission
        WHERE application_id = ANY($1) AND next_poll_at <= now() + interval '500 seconds'`,
      [ids],
    );
    expect(due).toBe(0);
  });
});
