import { randomUUID } from 'node:crypto';
import { LEGACY_CONNECTOR } from '@mpp/adapter-sdk';
import {
  cancelledEvent,
  connectedProducer,
  header,
  publishToAgency,
  resubmittedEvent,
  startAdapter,
  submittedEvent,
  testKafka,
  TopicRecorder,
  waitFor,
  type RunningAdapter,
} from '@mpp/adapter-sdk/testing';
import { DeadLetterHeaders, DeadLetterReasons, Topics } from '@mpp/contracts';
import { decodeCloudEvent } from '@mpp/kafka';
import type { IHeaders, Producer } from 'kafkajs';
import {
  SCRIPTED_ADAPTER,
  SCRIPTED_AGENCY,
  ScriptedLegacySystem,
  type Script,
} from './support/scripted-legacy-system';

const SERVICE = `${SCRIPTED_AGENCY}.layanan-uji`;
const APPLICANT = { nik: '2171011508900003', name: 'Siti Aminah', contact: {} };

describe('adapter SDK error policy, against a scripted legacy system', () => {
  const kafka = testKafka();
  let producer: Producer;
  let recorder: TopicRecorder;
  let adapter: RunningAdapter;
  let legacy: ScriptedLegacySystem;

  const application = (script: Script) => submittedEvent(SERVICE, APPLICANT, { script });
  const statusEvents = (applicationId: string) =>
    recorder
      .byKey(applicationId)
      .filter((record) => record.topic === Topics.status)
      .map((record) => decodeCloudEvent<{ status: string; reason?: string }>(record.message));
  const statuses = (applicationId: string) => statusEvents(applicationId).map((e) => e.data.status);
  const reaches = (applicationId: string, status: string) =>
    waitFor(() => statuses(applicationId).includes(status) && statuses(applicationId), {
      what: `${status} for ${applicationId}`,
    });
  const parked = (applicationId: string) =>
    recorder
      .byKey(applicationId)
      .filter((record) => record.topic === Topics.deadLettersOf(SCRIPTED_AGENCY));

  beforeAll(async () => {
    producer = await connectedProducer(kafka);
    recorder = new TopicRecorder(kafka);
    adapter = await startAdapter(SCRIPTED_ADAPTER, {
      ADAPTER_INSTANCE_ID: `sdk-check-${randomUUID().slice(0, 8)}`,
      ADAPTER_MAX_ATTEMPTS: '3',
      ADAPTER_RETRY_BASE_MS: '20',
      ADAPTER_RETRY_MAX_MS: '200',
      ADAPTER_BREAKER_MIN_CALLS: '3',
      ADAPTER_BREAKER_PROBE_INTERVAL_MS: '200',
      STATUS_POLL_INTERVAL_MS: '100',
    });
    legacy = adapter.app.get<ScriptedLegacySystem>(LEGACY_CONNECTOR);
    await recorder.start([Topics.status, Topics.deadLettersOf(SCRIPTED_AGENCY)]);
  }, 90000);

  afterAll(async () => {
    await adapter?.close();
    await recorder?.stop();
    await producer?.disconnect();
  }, 30000);

  it('parks a message that fails unexpectedly after the configured attempts, then a replay completes it once', async () => {
    const event = application('explode');
    await publishToAgency(producer, event);
    const [dead] = await waitFor(
      () => parked(event.data.applicationId).length > 0 && parked(event.data.applicationId),
      {
        what: 'the message on the dead-letter topic',
      },
    );
    expect(header(dead.message, DeadLetterHeaders.reason)).toBe(DeadLetterReasons.failed);
    expect(header(dead.message, DeadLetterHeaders.attempts)).toBe('3');
    expect(header(dead.message, DeadLetterHeaders.error)).toContain('cannot read the form');
    expect(statuses(event.data.applicationId)).toEqual([]);
    expect(legacy.submissions.get(event.data.applicationId)).toBeUndefined();

    // Ops replays the parked message, twice, after the fault is fixed.
    legacy.fixed = true;
    const original: IHeaders = Object.fromEntries(
      Object.entries(dead.message.headers ?? {}).filter(([name]) => !name.startsWith('mpp_dlq_')),
    );
    const replay = { key: dead.message.key, value: dead.message.value, headers: original };
    await producer.send({
      topic: Topics.applicationsOf(SCRIPTED_AGENCY),
      messages: [replay, replay],
    });
    await reaches(event.data.applicationId, 'COMPLETED');
    expect(legacy.submissions.get(event.data.applicationId)).toBe(1);
    expect(statuses(event.data.applicationId)).toEqual([
      'DELIVERED',
      'IN_PROCESS',
      'APPROVED',
      'COMPLETED',
    ]);
  });

  it('turns a business refusal into REJECTED with the agency reason, without retrying', async () => {
    const event = application('reject');
    await publishToAgency(producer, event);
    await reaches(event.data.applicationId, 'REJECTED');
    expect(statusEvents(event.data.applicationId).at(-1)?.data.reason).toBe(
      'Lokasi di luar wilayah',
    );
    expect(parked(event.data.applicationId)).toEqual([]);
  });

  it('submits a refused-at-the-door application anew when the applicant resubmits, under revision 2', async () => {
    const event = application('revise');
    await publishToAgency(producer, event);
    await reaches(event.data.applicationId, 'NEEDS_REVISION');
    await publishToAgency(producer, resubmittedEvent(event, 2, { script: 'revise' }), 2);
    const seen = await reaches(event.data.applicationId, 'COMPLETED');
    expect(seen).toEqual(['NEEDS_REVISION', 'IN_PROCESS', 'APPROVED', 'COMPLETED']);
    expect(legacy.submissions.get(event.data.applicationId)).toBe(1);
    const ids = statusEvents(event.data.applicationId).map((e) => e.id);
    expect(ids).toContain(`${event.data.applicationId}:NEEDS_REVISION:1`);
    expect(ids).toContain(`${event.data.applicationId}:COMPLETED:2`);
  });

  it('cancels in the legacy system what it holds, and refuses once the agency has decided', async () => {
    const lingering = application('linger');
    await publishToAgency(producer, lingering);
    await reaches(lingering.data.applicationId, 'IN_PROCESS');
    await publishToAgency(producer, cancelledEvent(lingering, 'Salah layanan'), 2);
    await reaches(lingering.data.applicationId, 'CANCELLED');
    expect(legacy.cancellations.filter((id) => id === lingering.data.applicationId)).toHaveLength(
      1,
    );

    const decided = application('complete');
    await publishToAgency(producer, decided);
    await reaches(decided.data.applicationId, 'COMPLETED');
    const late = cancelledEvent(decided);
    await publishToAgency(producer, late);
    const follower = application('complete');
    await publishToAgency(producer, follower);
    await reaches(follower.data.applicationId, 'COMPLETED');
    expect(statuses(decided.data.applicationId)).not.toContain('CANCELLED');
  });

  it('waits out throttling without opening the circuit', async () => {
    const event = application('throttle');
    await publishToAgency(producer, event);
    await reaches(event.data.applicationId, 'COMPLETED');
    const health = (await (await fetch(`${adapter.url}/health`)).json()) as any;
    expect(health.info.legacy.circuit).toBe('closed');
    expect(legacy.submissions.get(event.data.applicationId)).toBe(1);
  });

  it('parks an event of a type it does not handle, with that reason', async () => {
    const event = application('complete');
    event.type = 'id.go.batam.mpp.application.transferred.v1';
    await publishToAgency(producer, event);
    const [dead] = await waitFor(
      () => parked(event.data.applicationId).length > 0 && parked(event.data.applicationId),
      {
        what: 'the unsupported event on the dead-letter topic',
      },
    );
    expect(header(dead.message, DeadLetterHeaders.reason)).toBe(DeadLetterReasons.unsupportedType);
  });

  it('serves Prometheus metrics of the legacy calls, the circuit and the dead letters', async () => {
    const text = await (await fetch(`${adapter.url}/metrics`)).text();
    expect(text).toMatch(
      /mpp_adapter_legacy_call_duration_seconds_count\{[^}]*operation="submit"[^}]*\} [1-9]/,
    );
    expect(text).toMatch(/mpp_adapter_circuit_state\{[^}]*system="scripted"[^}]*\} 0/);
    expect(text).toMatch(/mpp_adapter_dead_letters_total\{[^}]*reason="failed"[^}]*\} [1-9]/);
    expect(text).toMatch(/mpp_adapter_messages_total\{[^}]*outcome="duplicate"[^}]*\} [1-9]/);
  });
});
