import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  APPLICATION_STATUSES,
  ApplicationStatus,
  DeadLetterHeaders,
  DeadLetterReasons,
  RegistryKeys,
  StatusMachine,
  Topics,
  type Applicant,
  type ServiceDescriptor,
  type StatusChanged,
} from '@mpp/contracts';
import { decodeCloudEvent } from '@mpp/kafka';
import { addDomainFormats } from '@mpp/validation';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import type { Kafka, Producer } from 'kafkajs';
import type { AdapterModuleOptions } from '../adapter-sdk.module';
import { publishToAgency, submittedEvent } from './application-events';
import { connectedProducer, header, testKafka, TopicRecorder } from './kafka-probe';
import { startAdapter, type RunningAdapter } from './running-adapter';
import { waitFor } from './wait-for';

/** What an agency team gives the kit: its adapter, and a hold on its legacy system or stub. */
export interface ConformanceSubject {
  adapter: AdapterModuleOptions;
  /** The adapter's environment in the test: where its legacy system is, credentials, ... */
  env: Record<string, string>;
  /** An application to each service that the legacy system will accept. */
  sampleApplication(serviceCode: string): { applicant: Applicant; data: Record<string, unknown> };
  legacy: {
    /** How many times an application reached the legacy system as a new submission. */
    submissionsOf(applicationId: string): Promise<number>;
    /** Makes the legacy system unavailable (down, in maintenance, unreachable). */
    goDown(): Promise<void>;
    comeBack(): Promise<void>;
  };
  /** How long an application may take to reach a final status; 30 s unless given. */
  completionTimeoutMs?: number;
}

/** Settings that make the error policy quick enough to watch in a test; the subject's env wins. */
const BRISK_POLICY = {
  ADAPTER_RETRY_BASE_MS: '50',
  ADAPTER_RETRY_MAX_MS: '400',
  ADAPTER_BREAKER_MIN_CALLS: '3',
  ADAPTER_BREAKER_WINDOW_MS: '5000',
  ADAPTER_BREAKER_PROBE_INTERVAL_MS: '300',
  STATUS_POLL_INTERVAL_MS: '150',
  HEARTBEAT_INTERVAL_MS: '1000',
};

const ajv = addDomainFormats(addFormats(new Ajv({ allErrors: true, strict: false })));

/**
 * The adapter contract as a jest suite, run against a real broker and database: services are
 * announced with a usable schema; a duplicate message reaches the legacy system once; emitted
 * statuses are canonical and legal; an outage pauses instead of dead-lettering, and nothing is
 * lost when the system returns; a malformed message is dead-lettered with a reason.
 */
export function describeAdapterConformance(
  name: string,
  subjectOf: () => ConformanceSubject | Promise<ConformanceSubject>,
): void {
  describe(`adapter conformance: ${name}`, () => {
    let subject: ConformanceSubject;
    let agency: string;
    let services: ServiceDescriptor[];
    let kafka: Kafka;
    let producer: Producer;
    let recorder: TopicRecorder;
    let adapter: RunningAdapter;
    const run = randomUUID().slice(0, 8);

    const statusesOf = (applicationId: string): StatusChanged[] =>
      recorder
        .byKey(applicationId)
        .filter((record) => record.topic === Topics.status)
        .map((record) => decodeCloudEvent<StatusChanged>(record.message).data);

    const deadLettersOf = (key: string) =>
      recorder.byKey(key).filter((record) => record.topic === Topics.deadLettersOf(agency));

    const submit = async (serviceCode: string, times = 1): Promise<string> => {
      const sample = subject.sampleApplication(serviceCode);
      const event = submittedEvent(serviceCode, sample.applicant, sample.data);
      await publishToAgency(producer, event, times);
      return event.data.applicationId;
    };

    const reachedFinal = (applicationId: string, timeoutMs = subject.completionTimeoutMs) =>
      waitFor(
        () => {
          const statuses = statusesOf(applicationId).map((change) => change.status);
          return statuses.some((status) => StatusMachine.isFinal(status)) && statuses;
        },
        { what: `a final status of ${applicationId}`, timeoutMs: timeoutMs ?? 30000 },
      );

    beforeAll(async () => {
      subject = await subjectOf();
      ({ agency, services } = subject.adapter.definition);
      kafka = testKafka();
      producer = await connectedProducer(kafka);
      recorder = new TopicRecorder(kafka);
      adapter = await startAdapter(subject.adapter, {
        ...BRISK_POLICY,
        ADAPTER_GROUP_ID: `conformance-${agency}-${run}`,
        ADAPTER_INSTANCE_ID: `conformance-${agency}-${run}`,
        ...subject.env,
      });
      // The announcements were sent at the adapter's start; statuses come from the tests.
      await recorder.start([Topics.registry, Topics.status, Topics.deadLettersOf(agency)], true, [
        Topics.status,
      ]);
    }, 90000);

    afterAll(async () => {
      await adapter?.close();
      await recorder?.stop();
      await producer?.disconnect();
    }, 30000);

    it('announces every service with a JSON Schema that accepts a sample application', async () => {
      for (const service of services) {
        const announced = await waitFor(
          () =>
            recorder
              .byKey(RegistryKeys.service(service.code))
              .filter((record) => record.message.value !== null)
              .map((record) => decodeCloudEvent<ServiceDescriptor>(record.message).data)
              .at(-1),
          { what: `the announcement of ${service.code}` },
        );
        expect(announced).toMatchObject({ code: service.code, agency });
        const validate = ajv.compile(announced.dataSchema);
        expect(validate(subject.sampleApplication(service.code).data)).toBe(true);
        expect(validate({ ...subject.sampleApplication(service.code).data, unknownField: 1 })).toBe(
          false,
        );
      }
    });

    it('submits a message delivered twice to the legacy system once', async () => {
      const applicationId = await submit(services[0].code, 2);
      await reachedFinal(applicationId);
      expect(await subject.legacy.submissionsOf(applicationId)).toBe(1);
    });

    it('emits only canonical statuses, each a legal step from the one before', async () => {
      const submitted = await Promise.all(services.map((service) => submit(service.code)));
      for (const applicationId of submitted) {
        const statuses = await reachedFinal(applicationId);
        let current: ApplicationStatus = ApplicationStatus.SUBMITTED;
        for (const status of statuses) {
          expect(APPLICATION_STATUSES).toContain(status);
          expect(`${current} → ${status}: ${StatusMachine.canTransition(current, status)}`).toBe(
            `${current} → ${status}: true`,
          );
          current = status;
        }
      }
    });

    it('pauses while the legacy system is down, parks nothing, and loses nothing when it returns', async () => {
      await subject.legacy.goDown();
      let waiting: string[] = [];
      try {
        waiting = [await submit(services[0].code), await submit(services[0].code)];
        await waitFor(
          async () => {
            const health = (await (await fetch(`${adapter.url}/health`)).json()) as {
              info?: { legacy?: { circuit?: string; consumptionPaused?: boolean } };
            };
            return health.info?.legacy?.circuit === 'open' && health.info.legacy.consumptionPaused;
          },
          { what: 'the circuit to open and consumption to pause', timeoutMs: 20000 },
        );
        waiting.push(await submit(services[0].code));
      } finally {
        await subject.legacy.comeBack();
      }
      for (const applicationId of waiting) {
        await reachedFinal(applicationId);
        expect(deadLettersOf(applicationId)).toEqual([]);
        expect(await subject.legacy.submissionsOf(applicationId)).toBe(1);
      }
    });

    it('dead-letters a malformed message with its reason and goes on with the next', async () => {
      const key = randomUUID();
      await producer.send({
        topic: Topics.applicationsOf(agency),
        messages: [{ key, value: 'not a cloud event', headers: { ce_type: 'nonsense' } }],
      });
      const following = await submit(services[0].code);
      const [parked] = await waitFor(() => deadLettersOf(key).length > 0 && deadLettersOf(key), {
        what: 'the malformed message on the dead-letter topic',
      });
      expect(header(parked.message, DeadLetterHeaders.reason)).toBe(DeadLetterReasons.malformed);
      expect(header(parked.message, DeadLetterHeaders.error)).toBeTruthy();
      expect(header(parked.message, DeadLetterHeaders.sourceTopic)).toBe(
        Topics.applicationsOf(agency),
      );
      expect(parked.message.value?.toString()).toBe('not a cloud event');
      await reachedFinal(following);
    });
  });
}
