import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { NestExpressApplication } from '@nestjs/platform-express';
import {
  agencyTopicSpecs,
  CLOUDEVENTS_SPEC_VERSION,
  DeadLetterHeaders,
  EventTypes,
  FlowHops,
  RegistryKeys,
  Topics,
  type AdapterHeartbeat,
  type CloudEvent,
  type DeadLetterReason,
  type FlowRecord,
} from '@mpp/contracts';
import { encodeCloudEvent, provisionTopics } from '@mpp/kafka';
import type { IHeaders, Kafka, Producer } from 'kafkajs';
import type { OperatorRole } from '../../apps/ops/src/auth/operator';
import { OperatorDirectory } from '../../apps/ops/src/auth/operator-directory';
import { FlowRetention } from '../../apps/ops/src/flow/flow-retention';
import { createOpsApp } from '../../apps/ops/src/ops.app';
import { withEnvironment } from './environment';
import { startGroupAtEnd, testKafka } from './kafka-probe';
import { waitFor } from './wait-for';

export interface OpsAnswer {
  status: number;
  headers: Headers;
  body: any;
}

export interface OpsRequest {
  apiKey?: string;
  method?: string;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface TestOperator {
  id: string;
  name: string;
  apiKey: string;
}

export interface RunningOps {
  app: NestExpressApplication;
  url: string;
  /** Calls the ops API; the body is parsed when it is JSON. */
  request(path: string, options?: OpsRequest): Promise<OpsAnswer>;
  /** An operator made directly in the store, with a fresh API key. */
  createOperator(role: OperatorRole, name?: string): Promise<TestOperator>;
  /** The application's timeline once it has at least `hops` hops. */
  waitForTimeline(apiKey: string, applicationId: string, hops: number): Promise<any>;
  /** Runs flow-record retention now, as if it were `now`; returns how many records went. */
  pruneFlowRecords(now?: Date): Promise<number>;
  close(): Promise<void>;
}

/**
 * Starts the ops app in this process against the real broker and database, with consumer groups
 * of its own (so it reads every topic from the beginning) and quick refreshes.
 */
export async function startOps(env: Record<string, string> = {}): Promise<RunningOps> {
  const run = randomUUID().slice(0, 8);
  const flowGroup = env.OPS_FLOW_GROUP_ID ?? `test-ops-flow-${run}`;
  // The flow topic of the shared broker holds every earlier run's records: start after them.
  await startGroupAtEnd(testKafka(), flowGroup, [Topics.flow]);
  const app = await withEnvironment(
    {
      OPS_INSTANCE_ID: `test-ops-${run}`,
      OPS_FLOW_GROUP_ID: flowGroup,
      OPS_REGISTRY_GROUP_ID: `test-ops-registry-${run}`,
      OPS_DEAD_LETTER_GROUP_ID: `test-ops-dead-letters-${run}`,
      OPS_TOPIC_REFRESH_MS: '1000',
      OPS_LIVE_INTERVAL_MS: '1000',
      ...env,
    },
    async () => {
      const created = await createOpsApp();
      await created.init();
      return created;
    },
  );
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  return {
    app,
    url,
    request: (path, options) => requestOps(url, path, options),
    createOperator: async (role, name = `test-${role}-${randomUUID().slice(0, 8)}`) => {
      const { operator, key } = await app.get(OperatorDirectory).create(name, role, 'tests');
      return { id: operator.id, name, apiKey: key.apiKey };
    },
    waitForTimeline: (apiKey, applicationId, hops) =>
      waitFor(
        async () => {
          const answer = await requestOps(url, `/v1/applications/${applicationId}/timeline`, {
            apiKey,
          });
          return answer.status === 200 && answer.body.hops.length >= hops && answer.body;
        },
        { what: `${hops} hops in the timeline of ${applicationId}` },
      ),
    pruneFlowRecords: (now) => app.get(FlowRetention).prune(now),
    close: () => app.close(),
  };
}

async function requestOps(
  url: string,
  path: string,
  { apiKey, method = 'GET', body, headers = {} }: OpsRequest = {},
): Promise<OpsAnswer> {
  const response = await fetch(`${url}${path}`, {
    method,
    headers: {
      ...(apiKey ? { authorization: `Bearer ${apiKey}` } : {}),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...headers,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  const isJson = /json/.test(response.headers.get('content-type') ?? '');
  return {
    status: response.status,
    headers: response.headers,
    body: isJson ? JSON.parse(text) : text,
  };
}

/** The hops of a submission, from the HTTP request to the status applied, in order. */
export const SUBMISSION_HOPS = [
  FlowHops.accepted,
  FlowHops.published,
  FlowHops.received,
  FlowHops.legacyCall,
  FlowHops.statusEmitted,
  FlowHops.statusApplied,
];

/**
 * The flow records of one submission as the gateway and an adapter record them, starting at
 * `start`: 35, 45, 300, 20 and 50 ms apart, 450 ms in all.
 */
export function submissionJourney(
  applicationId: string,
  agency: string,
  start = Date.now() - 1000,
): FlowRecord[] {
  const at = (ms: number) => new Date(start + ms).toISOString();
  const common = {
    applicationId,
    agency,
    serviceCode: `${agency}.surat-keterangan`,
    correlationId: `corr-${applicationId}`,
  };
  const gateway = { ...common, component: 'gateway', instance: 'gateway-1' };
  const adapter = { ...common, component: `adapter-${agency}`, instance: `adapter-${agency}-1` };
  return [
    flowRecord({ ...gateway, hop: FlowHops.accepted, at: at(0), outcome: 'ok' }),
    flowRecord({
      ...gateway,
      hop: FlowHops.published,
      at: at(35),
      detail: { topic: Topics.applicationsOf(agency), partition: 2, offset: 41 },
    }),
    flowRecord({ ...adapter, hop: FlowHops.received, at: at(80), detail: { attempt: 1 } }),
    flowRecord({
      ...adapter,
      hop: FlowHops.legacyCall,
      at: at(380),
      durationMs: 290,
      outcome: 'ok',
      detail: { system: 'scripted', operation: 'submit', httpStatus: 200 },
    }),
    flowRecord({
      ...adapter,
      hop: FlowHops.statusEmitted,
      at: at(400),
      detail: { status: 'DELIVERED', revision: 1 },
    }),
    flowRecord({ ...gateway, hop: FlowHops.statusApplied, at: at(450), outcome: 'APPLIED' }),
  ];
}

/** Creates an agency's applications and dead-letter topics, as its adapter would. */
export async function provisionAgencyTopics(kafka: Kafka, agency: string): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    await provisionTopics(admin, agencyTopicSpecs(agency));
  } finally {
    await admin.disconnect();
  }
}

/** A flow record as a component would record it; `at` defaults to now. */
export function flowRecord(
  record: Omit<FlowRecord, 'id' | 'at'> & Partial<FlowRecord>,
): FlowRecord {
  return { id: randomUUID(), at: new Date().toISOString(), ...record };
}

function cloudEvent(type: string, source: string, data: unknown, subject?: string): CloudEvent {
  return {
    id: randomUUID(),
    source,
    type,
    specversion: CLOUDEVENTS_SPEC_VERSION,
    time: new Date().toISOString(),
    subject,
    data,
  };
}

/** Publishes flow records on `mpp.flow` as components do: keyed by application id. */
export async function publishFlowRecords(producer: Producer, records: FlowRecord[]): Promise<void> {
  await producer.send({
    topic: Topics.flow,
    messages: records.map((record) =>
      encodeCloudEvent(
        cloudEvent(
          EventTypes.flowRecorded,
          `/mpp/${record.component}`,
          record,
          record.applicationId,
        ),
        record.applicationId ?? record.agency ?? record.component,
      ),
    ),
  });
}

/** Publishes an adapter instance's heartbeat on `mpp.registry`. */
export async function publishHeartbeat(producer: Producer, beat: AdapterHeartbeat): Promise<void> {
  await producer.send({
    topic: Topics.registry,
    messages: [
      encodeCloudEvent(
        cloudEvent(EventTypes.adapterHeartbeat, `/mpp/adapters/${beat.agency}`, beat),
        RegistryKeys.instance(beat.agency, beat.instanceId),
      ),
    ],
  });
}

export interface ParkedOriginal {
  key: string | null;
  value: Buffer | string;
  headers: IHeaders;
}

/**
 * Parks a message on an agency's dead-letter topic the way the adapter SDK does: the original
 * key, value and headers unchanged, plus the `mpp_dlq_*` headers.
 */
export async function parkDeadLetter(
  producer: Producer,
  agency: string,
  original: ParkedOriginal,
  why: { reason: DeadLetterReason; error: string; attempts?: number; sourceOffset?: string },
): Promise<void> {
  await producer.send({
    topic: Topics.deadLettersOf(agency),
    messages: [
      {
        key: original.key,
        value: original.value,
        headers: {
          ...original.headers,
          [DeadLetterHeaders.reason]: why.reason,
          [DeadLetterHeaders.error]: why.error,
          [DeadLetterHeaders.attempts]: String(why.attempts ?? 1),
          [DeadLetterHeaders.sourceTopic]: Topics.applicationsOf(agency),
          [DeadLetterHeaders.sourcePartition]: '0',
          [DeadLetterHeaders.sourceOffset]: why.sourceOffset ?? '0',
          [DeadLetterHeaders.failedAt]: new Date().toISOString(),
          [DeadLetterHeaders.instance]: `adapter-${agency}-test`,
        },
      },
    ],
  });
}
