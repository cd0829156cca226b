import { randomUUID } from 'node:crypto';
import { dataSchemaOf } from '@mpp/adapter-sdk';
import { Topics, type ServiceDescriptor } from '@mpp/contracts';
import { IsIndonesianPhoneNumber, IsNib, IsNpwp } from '@mpp/validation';
import { IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import type { Kafka } from 'kafkajs';
import { TrackingNumber } from '../apps/gateway/src/applications/tracking-number';
import { withDatabase } from './support/database';
import { startGateway, type GatewayClient, type RunningGateway } from './support/gateway-harness';
import { testKafka, TopicRecorder } from './support/kafka-probe';
import { startOps, type RunningOps } from './support/ops-harness';
import { parseRawAnswer, rawHttp } from './support/raw-http';
import { announceService, testServiceDescriptor, withdrawService } from './support/registry';
import { waitFor } from './support/wait-for';

/** `data` of the test service, with the domain rules an adapter would declare. */
class PermitDataDto {
  @IsString()
  @MinLength(3)
  @MaxLength(200)
  keperluan!: string;

  @IsOptional()
  @IsNib()
  nib?: string;

  @IsOptional()
  @IsNpwp()
  npwp?: string;

  @IsOptional()
  @IsIndonesianPhoneNumber()
  telepon?: string;
}

const agency = `buruk${randomUUID().slice(0, 6)}`;
const service: ServiceDescriptor = {
  ...testServiceDescriptor(agency),
  dataSchema: dataSchemaOf(PermitDataDto),
};
const agencyTopic = Topics.applicationsOf(agency);
const IDEMPOTENCY_KEY = `bad-input-${randomUUID()}`;

const VALIDATION = '/problems/validation-failed';
const MALFORMED = '/problems/malformed-request';
const NOT_FOUND = '/problems/not-found';
const UNAUTHENTICATED = '/problems/unauthenticated';
const FORBIDDEN = '/problems/forbidden';

const DOCUMENT = {
  name: 'kartu-keluarga.pdf',
  mediaType: 'application/pdf',
  sha256: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
  url: 'https://dokumen.batam.go.id/berkas/1',
};

function submission(overrides: Record<string, unknown> = {}) {
  return {
    serviceCode: service.code,
    applicant: {
      nik: '2171015508900001',
      name: 'Siti Aminah',
      contact: { phone: '081234567890', email: 'siti@example.id' },
    },
    data: { keperluan: 'membuka usaha', nib: '9120001234567', npwp: '0012345678901000' },
    documents: [DOCUMENT],
    ...overrides,
  };
}
const withNik = (nik: unknown) =>
  submission({ applicant: { nik, name: 'Siti Aminah', contact: {} } });
const withContact = (contact: Record<string, unknown>) =>
  submission({ applicant: { nik: '2171015508900001', name: 'Siti Aminah', contact } });
const withDocument = (document: Record<string, unknown>) =>
  submission({ documents: [{ ...DOCUMENT, ...document }] });
const withData = (data: Record<string, unknown>) =>
  submission({ data: { keperluan: 'membuka usaha', ...data } });

type Caller = 'client' | 'admin' | 'other' | 'narrow' | 'revoked' | 'nobody' | 'stranger';

interface BadRequest {
  as?: Caller;
  method?: string;
  path: string | (() => string);
  /** An object is sent as JSON; a string as it is, with the content type in `headers`. */
  body?: unknown;
  headers?: Record<string, string>;
}

interface Refusal {
  status: number;
  type: string;
  /** A field error the answer must hold. */
  error?: [field: string, code: string];
}

const invalid = (field: string, code: string): Refusal => ({
  status: 400,
  type: VALIDATION,
  error: [field, code],
});
const submit = (body: unknown, headers: Record<string, string> = {}): BadRequest => ({
  method: 'POST',
  path: '/v1/applications',
  body,
  headers,
});
const raw = (body: string, contentType?: string): BadRequest =>
  submit(body, contentType === undefined ? {} : { 'content-type': contentType });

/** Filled in once the fixtures exist; paths that need them are functions. */
const fixtures = { applicationId: '', clientId: '' };
const onApplication = (suffix: string) => () =>
  `/v1/applications/${fixtures.applicationId}${suffix}`;

const GATEWAY_CASES: [string, BadRequest, Refusal][] = [
  // The body itself
  ['malformed JSON', raw('{"serviceCode": ', 'application/json'), { status: 400, type: MALFORMED }],
  ['a JSON null body', raw('null', 'application/json'), { status: 400, type: MALFORMED }],
  ['a JSON string body', raw('"permohonan"', 'application/json'), { status: 400, type: MALFORMED }],
  ['a JSON array body', raw('[]', 'application/json'), { status: 400, type: VALIDATION }],
  ['an empty JSON body', raw('', 'application/json'), { status: 400, type: VALIDATION }],
  [
    'a body over 256 kB',
    submit(withData({ keperluan: 'x'.repeat(300_000) })),
    { status: 413, type: '/problems/payload-too-large' },
  ],
  [
    'JSON nested 40 levels deep',
    raw(`{"data":${'{"a":'.repeat(40)}1${'}'.repeat(40)}}`, 'application/json'),
    { status: 400, type: '/problems/too-deeply-nested' },
  ],
  ['a text/plain body', raw('serviceCode=x', 'text/plain'), unsupported()],
  ['a form body', raw('serviceCode=x', 'application/x-www-form-urlencoded'), unsupported()],
  ['a body without a content type', raw(JSON.stringify(submission()), ''), unsupported()],
  [
    'JSON in an unknown charset',
    raw(JSON.stringify(submission()), 'application/json; charset=koi8-r'),
    unsupported(),
  ],
  [
    'a body its Content-Encoding does not decode',
    submit(submission(), { 'content-encoding': 'gzip' }),
    { status: 400, type: MALFORMED },
  ],
  // Types, presence, unknown fields
  [
    'a numeric serviceCode',
    submit(submission({ serviceCode: 42 })),
    invalid('serviceCode', 'isString'),
  ],
  [
    'an applicant that is a string',
    submit(submission({ applicant: 'Siti' })),
    invalid('applicant', 'isObject'),
  ],
  ['data that is an array', submit(submission({ data: [] })), invalid('data', 'isObject')],
  [
    'a missing serviceCode',
    submit(submission({ serviceCode: undefined })),
    invalid('serviceCode', 'isString'),
  ],
  [
    'a missing applicant',
    submit(submission({ applicant: undefined })),
    invalid('applicant', 'isObject'),
  ],
  [
    'an unknown top-level field',
    submit(submission({ priority: 'high' })),
    invalid('priority', 'whitelistValidation'),
  ],
  [
    'an unknown field in the applicant',
    submit(
      submission({
        applicant: { nik: '2171015508900001', name: 'Siti', contact: {}, role: 'admin' },
      }),
    ),
    invalid('applicant.role', 'whitelistValidation'),
  ],
  [
    'markup in the name',
    submit(
      submission({
        applicant: { nik: '2171015508900001', name: '<script>x</script>', contact: {} },
      }),
    ),
    invalid('applicant.name', 'matches'),
  ],
  // NIK, each way it can be wrong
  ['a NIK of 15 digits', submit(withNik('217101550890001')), invalid('applicant.nik', 'nikFormat')],
  [
    'a NIK with a letter',
    submit(withNik('21710155089O0001')),
    invalid('applicant.nik', 'nikFormat'),
  ],
  ['a NIK as a number', submit(withNik(2171015508900001)), invalid('applicant.nik', 'nikFormat')],
  [
    'a NIK of an unknown region',
    submit(withNik('9971015508900001')),
    invalid('applicant.nik', 'nikRegion'),
  ],
  [
    'a NIK born on 32 August',
    submit(withNik('2171013208900001')),
    invalid('applicant.nik', 'nikBirthDate'),
  ],
  [
    'a NIK with 40 added to day 32',
    submit(withNik('2171017208900001')),
    invalid('applicant.nik', 'nikBirthDate'),
  ],
  [
    'a NIK of a woman born 30 February',
    submit(withNik('2171017002900001')),
    invalid('applicant.nik', 'nikBirthDate'),
  ],
  [
    'a NIK with serial 0000',
    submit(withNik('2171015508900000')),
    invalid('applicant.nik', 'nikSerial'),
  ],
  // Contact
  [
    'a phone with separators',
    submit(withContact({ phone: '0812-3456-7890' })),
    invalid('applicant.contact.phone', 'phoneFormat'),
  ],
  [
    'a foreign phone number',
    submit(withContact({ phone: '+6581234567' })),
    invalid('applicant.contact.phone', 'phoneFormat'),
  ],
  [
    'a mobile number too short',
    submit(withContact({ phone: '0812345' })),
    invalid('applicant.contact.phone', 'phoneMobile'),
  ],
  [
    'a landline without enough digits',
    submit(withContact({ phone: '07781234' })),
    invalid('applicant.contact.phone', 'phoneLandline'),
  ],
  [
    'an email without a domain',
    submit(withContact({ email: 'siti@localhost' })),
    invalid('applicant.contact.email', 'emailFormat'),
  ],
  [
    'an email too long before the @',
    submit(withContact({ email: `${'s'.repeat(65)}@example.id` })),
    invalid('applicant.contact.email', 'emailLength'),
  ],
  // Documents
  [
    'a digest in capitals',
    submit(withDocument({ sha256: DOCUMENT.sha256.toUpperCase() })),
    invalid('documents.0.sha256', 'sha256Format'),
  ],
  [
    'an executable attachment',
    submit(withDocument({ mediaType: 'application/x-msdownload' })),
    invalid('documents.0.mediaType', 'mediaTypeNotAllowed'),
  ],
  [
    'a document over plain http',
    submit(withDocument({ url: 'http://dokumen.batam.go.id/1' })),
    invalid('documents.0.url', 'documentUrlScheme'),
  ],
  [
    'a document URL with a password',
    submit(withDocument({ url: 'https://u:p@dokumen.batam.go.id/1' })),
    invalid('documents.0.url', 'documentUrlCredentials'),
  ],
  [
    'a document on an internal address',
    submit(withDocument({ url: 'https://169.254.169.254/latest' })),
    invalid('documents.0.url', 'documentUrlHost'),
  ],
  [
    'a document name with a path',
    submit(withDocument({ name: '../../etc/passwd' })),
    invalid('documents.0.name', 'documentNameFormat'),
  ],
  [
    'documents that are no list',
    submit(submission({ documents: DOCUMENT })),
    invalid('documents', 'isArray'),
  ],
  [
    '21 documents',
    submit(submission({ documents: Array(21).fill(DOCUMENT) })),
    invalid('documents', 'arrayMaxSize'),
  ],
  // The service's data, by the schema its adapter announced
  [
    'a NIB of 12 digits in data',
    submit(withData({ nib: '912000123456' })),
    invalid('data.nib', 'nibFormat'),
  ],
  [
    'an individual NPWP that is no NIK',
    submit(withData({ npwp: '2171013202900001' })),
    invalid('data.npwp', 'npwpNotNik'),
  ],
  [
    'an NPWP of zeros',
    submit(withData({ npwp: '0000000000000000' })),
    invalid('data.npwp', 'npwpPlaceholder'),
  ],
  [
    'a phone in data with a letter',
    submit(withData({ telepon: '08123456789O' })),
    invalid('data.telepon', 'phoneFormat'),
  ],
  [
    'a field the service does not know',
    submit(withData({ catatan: 'x' })),
    invalid('data.catatan', 'additionalProperties'),
  ],
  // Services and access
  [
    'an unknown service',
    submit(submission({ serviceCode: `${agency}.tidak-ada` })),
    { status: 404, type: '/problems/unknown-service' },
  ],
  [
    'a service code with a path',
    submit(submission({ serviceCode: '../../etc/passwd' })),
    invalid('serviceCode', 'matches'),
  ],
  [
    'a service not granted',
    { ...submit(submission()), as: 'narrow' },
    { status: 403, type: '/problems/service-not-granted' },
  ],
  ['no API key', { ...submit(submission()), as: 'nobody' }, { status: 401, type: UNAUTHENTICATED }],
  [
    'an unknown API key',
    { ...submit(submission()), as: 'stranger' },
    { status: 401, type: UNAUTHENTICATED },
  ],
  [
    'a revoked API key',
    { ...submit(submission()), as: 'revoked' },
    { status: 401, type: UNAUTHENTICATED },
  ],
  [
    'an administrator submitting',
    { ...submit(submission()), as: 'admin' },
    { status: 403, type: FORBIDDEN },
  ],
  // Idempotency-Key and other headers
  [
    'an Idempotency-Key reused with another body',
    submit(withData({ keperluan: 'keperluan lain' }), { 'idempotency-key': IDEMPOTENCY_KEY }),
    { status: 422, type: '/problems/idempotency-key-reused' },
  ],
  [
    'an Idempotency-Key of 201 characters',
    submit(submission(), { 'idempotency-key': 'k'.repeat(201) }),
    invalid('Idempotency-Key', 'idempotencyKey'),
  ],
  [
    'an Idempotency-Key with non-ASCII',
    submit(submission(), { 'idempotency-key': 'kunci-é' }),
    invalid('Idempotency-Key', 'idempotencyKey'),
  ],
  [
    'PUT on the applications',
    { method: 'PUT', path: '/v1/applications', body: submission() },
    { status: 405, type: '/problems/method-not-allowed' },
  ],
  // Ids in paths
  [
    'a traversal as application id',
    { path: '/v1/applications/..%2F..%2Fetc%2Fpasswd' },
    { status: 404, type: NOT_FOUND },
  ],
  [
    'encoded dots as application id',
    { path: '/v1/applications/%2e%2e%2f%2e%2e%2f' },
    { status: 404, type: NOT_FOUND },
  ],
  [
    'SQL as application id',
    { path: "/v1/applications/1'%20OR%20'1'%3D'1" },
    { status: 404, type: NOT_FOUND },
  ],
  [
    'a broken percent-encoding',
    { path: '/v1/applications/%E0%A4%A' },
    { status: 400, type: MALFORMED },
  ],
  [
    "another client's application",
    { path: onApplication(''), as: 'other' },
    { status: 404, type: NOT_FOUND },
  ],
  [
    'a resubmission to a traversal id',
    { method: 'POST', path: '/v1/applications/..%2Fadmin/resubmission', body: { data: {} } },
    invalid('id', 'isUuid'),
  ],
  [
    'a resubmission before the agency asked',
    {
      method: 'POST',
      path: onApplication('/resubmission'),
      body: { data: { keperluan: 'perbaikan' } },
    },
    { status: 409, type: '/problems/resubmission-not-allowed' },
  ],
  [
    'a resubmission with a field of the envelope',
    {
      method: 'POST',
      path: onApplication('/resubmission'),
      body: { data: {}, serviceCode: 'x.y' },
    },
    invalid('serviceCode', 'whitelistValidation'),
  ],
  [
    'a cancellation reason of 501 characters',
    { method: 'POST', path: onApplication('/cancellation'), body: { reason: 'x'.repeat(501) } },
    invalid('reason', 'maxLength'),
  ],
  [
    'a cancellation of an unknown application',
    { method: 'POST', path: `/v1/applications/${randomUUID()}/cancellation`, body: {} },
    { status: 404, type: NOT_FOUND },
  ],
  [
    'a survey score of 5',
    { method: 'POST', path: onApplication('/survey'), body: { answers: { ...answers(), U1: 5 } } },
    invalid('answers.U1', 'max'),
  ],
  [
    'a survey before the application is final',
    { method: 'POST', path: onApplication('/survey'), body: { answers: answers() } },
    { status: 409, type: '/problems/survey-not-allowed' },
  ],
  [
    'a tracking number with a wrong check character',
    { path: `/v1/track/${mischeckedTrackingNumber()}` },
    invalid('trackingNumber', 'trackingNumber'),
  ],
  [
    'SQL as tracking number',
    { path: "/v1/track/'%20OR%201%3D1--" },
    invalid('trackingNumber', 'trackingNumber'),
  ],
  [
    'POST on tracking',
    { method: 'POST', path: '/v1/track/K7QM-2XHD-9RW', body: {} },
    { status: 405, type: '/problems/method-not-allowed' },
  ],
  // Catalog, reports
  [
    'SQL as service code',
    { path: "/v1/services/x'%20OR%20'1'%3D'1" },
    { status: 404, type: '/problems/unknown-service' },
  ],
  [
    'SQL in a report period',
    { as: 'admin', path: "/v1/reports/ikm?from=2026-01-01'%20OR%201%3D1--&to=2026-01-31" },
    invalid('from', 'matches'),
  ],
  [
    'a report period ending before it starts',
    { as: 'admin', path: '/v1/reports/performance?from=2026-03-31&to=2026-03-01' },
    invalid('to', 'notBeforeFrom'),
  ],
  [
    'a report in an unknown format',
    { as: 'admin', path: '/v1/reports/overdue?format=xml' },
    invalid('format', 'isIn'),
  ],
  [
    'SQL as agency of a report',
    {
      as: 'admin',
      path: "/v1/reports/ikm/agencies/x';DROP%20TABLE%20application;--?from=2026-01-01&to=2026-01-31",
    },
    invalid('agency', 'isCode'),
  ],
  [
    'a report for a front-end client',
    { path: '/v1/reports/overdue' },
    { status: 403, type: FORBIDDEN },
  ],
  [
    'SQL in the public IKM period',
    { as: 'nobody', path: '/v1/public/ikm?from=1;SELECT%20pg_sleep(5)&to=2026-01-31' },
    invalid('from', 'matches'),
  ],
  // Administration
  [
    'a client id in capitals and quotes',
    {
      as: 'admin',
      method: 'POST',
      path: '/v1/admin/clients',
      body: { id: "Kios'--", name: 'Kios', roles: ['client'], grants: [] },
    },
    invalid('id', 'matches'),
  ],
  [
    'an unknown role',
    {
      as: 'admin',
      method: 'POST',
      path: '/v1/admin/clients',
      body: { id: 'kios-baru', name: 'Kios', roles: ['root'], grants: [] },
    },
    invalid('roles', 'isIn'),
  ],
  [
    'a client that exists',
    {
      as: 'admin',
      method: 'POST',
      path: '/v1/admin/clients',
      body: () => ({ id: fixtures.clientId, name: 'Lagi', roles: ['client'], grants: [] }),
    },
    { status: 409, type: '/problems/client-exists' },
  ],
  [
    'a grant that is no service code',
    {
      as: 'admin',
      method: 'PUT',
      path: () => `/v1/admin/clients/${fixtures.clientId}/grants`,
      body: { grants: ['disdukcapil.*; DROP TABLE client'] },
    },
    invalid('grants', 'matches'),
  ],
  [
    'a key id that is no UUID',
    {
      as: 'admin',
      method: 'DELETE',
      path: () => `/v1/admin/clients/${fixtures.clientId}/keys/..%2F..`,
    },
    { status: 400, type: MALFORMED },
  ],
  [
    'a traversal as client id',
    { as: 'admin', path: '/v1/admin/clients/..%2F..%2Fetc' },
    { status: 404, type: NOT_FOUND },
  ],
  [
    'administration by a front-end client',
    { path: '/v1/admin/clients' },
    { status: 403, type: FORBIDDEN },
  ],
  [
    'a webhook over ftp',
    { method: 'PUT', path: '/v1/webhook', body: { url: 'ftp://example.id/hook' } },
    { status: 400, type: VALIDATION },
  ],
  ['an unknown route', { path: '/v1/permohonan' }, { status: 404, type: NOT_FOUND }],
  [
    'DELETE on health',
    { as: 'nobody', method: 'DELETE', path: '/health' },
    { status: 405, type: '/problems/method-not-allowed' },
  ],
];

const RAW_CASES: [string, string, Refusal][] = [
  [
    'a header value with a bare CR (header injection)',
    'POST /v1/applications HTTP/1.1\r\nHost: gateway\r\nIdempotency-Key: a\rX-Injected: 1\r\nContent-Length: 0\r\n\r\n',
    { status: 400, type: MALFORMED },
  ],
  [
    'a header value with a NUL byte',
    'GET /v1/services HTTP/1.1\r\nHost: gateway\r\nX-Correlation-Id: a\u0000b\r\n\r\n',
    { status: 400, type: MALFORMED },
  ],
  [
    'headers over 16 kB',
    `GET /v1/services HTTP/1.1\r\nHost: gateway\r\nX-Filler: ${'a'.repeat(20_000)}\r\n\r\n`,
    { status: 431, type: '/problems/headers-too-large' },
  ],
];

function unsupported(): Refusal {
  return { status: 415, type: '/problems/unsupported-media-type' };
}

/** A well-formed tracking number whose check character is off by one. */
function mischeckedTrackingNumber(): string {
  const valid = TrackingNumber.generate();
  const check = valid.at(-1)!;
  return valid.slice(0, -1) + (check === '0' ? '1' : '0');
}

function answers(): Record<string, number> {
  return Object.fromEntries(Array.from({ length: 9 }, (_, i) => [`U${i + 1}`, 4]));
}

/** Every table a request could write to; the background consumers' tables are left out. */
const GATEWAY_TABLES = [
  'application',
  'application_status_change',
  'application_request',
  'outbox',
  'idempotency_record',
  'survey_response',
  'client',
  'client_key',
  'client_grant',
  'audit_record',
  'webhook_subscription',
] as const;
const OPS_TABLES = ['operator', 'operator_api_key', 'operator_session', 'audit_record'] as const;

function rowCounts(schema: string, tables: readonly string[]): Promise<Record<string, number>> {
  return withDatabase(async (db) => {
    const columns = tables.map(
      (table) => `(SELECT count(*)::int FROM ${schema}.${table}) AS ${table}`,
    );
    const { rows } = await db.query(`SELECT ${columns.join(', ')}`);
    return rows[0] as Record<string, number>;
  });
}

function expectProblem(
  answer: { status: number; contentType: string | null; body: any },
  refusal: Refusal,
): void {
  expect({ status: answer.status, type: answer.body?.type }).toEqual({
    status: refusal.status,
    type: refusal.type,
  });
  expect(answer.contentType).toContain('application/problem+json');
  expect(answer.body.status).toBe(refusal.status);
  if (refusal.error) {
    const [field, code] = refusal.error;
    expect(answer.body.errors).toContainEqual(expect.objectContaining({ field, code }));
  }
}

describe('bad input: every refusal is problem+json and leaves nothing behind', () => {
  let kafka: Kafka;
  let gateway: RunningGateway;
  let recorder: TopicRecorder;
  const callers = {} as Record<Exclude<Caller, 'nobody'>, GatewayClient>;

  beforeAll(async () => {
    kafka = testKafka();
    await announceService(kafka, service);
    // The status consumer is not needed here, and would read the whole status topic first.
    gateway = await startGateway({ GATEWAY_ROLES: 'api,relay,catalog' });
    await gateway.waitForServices(service.code);
    recorder = new TopicRecorder(kafka);
    await recorder.start([agencyTopic]);

    const revoked = await gateway.createClient(['client'], ['*']);
    const view = (await (
      await gateway.fetch(`/v1/admin/clients/${revoked.id}`, {}, gateway.admin)
    ).json()) as { keys: { id: string }[] };
    const revocation = await gateway.fetch(
      `/v1/admin/clients/${revoked.id}/keys/${view.keys[0].id}`,
      { method: 'DELETE' },
      gateway.admin,
    );
    expect(revocation.status).toBe(204);
    Object.assign(callers, {
      client: gateway.client,
      admin: gateway.admin,
      other: await gateway.createClient(['client'], ['*']),
      narrow: await gateway.createClient(['client'], [`${agency}.layanan-lain`]),
      revoked,
      stranger: { id: 'stranger', apiKey: `mpp_${'0'.repeat(64)}` },
    });
    fixtures.clientId = gateway.client.id;

    const accepted = await gateway.fetch('/v1/applications', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': IDEMPOTENCY_KEY },
      body: JSON.stringify(submission()),
    });
    expect(accepted.status).toBe(202);
    fixtures.applicationId = ((await accepted.json()) as { id: string }).id;
    await waitFor(() => recorder.byKey(fixtures.applicationId).length === 1, {
      what: 'the accepted application on the agency topic',
    });
  }, 60000);

  afterAll(async () => {
    await withdrawService(kafka, service.code);
    await recorder?.stop();
    await gateway?.close();
  }, 30000);

  async function send({ as = 'client', method = 'GET', path, body, headers = {} }: BadRequest) {
    const resolvedBody = typeof body === 'function' ? (body as () => unknown)() : body;
    const json = resolvedBody !== undefined && typeof resolvedBody !== 'string';
    const response = await fetch(`${gateway.url}${typeof path === 'function' ? path() : path}`, {
      method,
      headers: {
        ...(as === 'nobody' ? {} : { authorization: `Bearer ${callers[as].apiKey}` }),
        ...(json ? { 'content-type': 'application/json' } : {}),
        ...headers,
      },
      body: json ? JSON.stringify(resolvedBody) : resolvedBody,
    });
    const text = await response.text();
    return {
      status: response.status,
      contentType: response.headers.get('content-type'),
      body: text ? JSON.parse(text) : undefined,
    };
  }

  it.each(GATEWAY_CASES)('%s', async (_case, request, refusal) => {
    const stored = await rowCounts('gateway', GATEWAY_TABLES);
    const published = recorder.messages.length;
    expectProblem(await send(request), refusal);
    expect(await rowCounts('gateway', GATEWAY_TABLES)).toEqual(stored);
    expect(recorder.messages.length).toBe(published);
  });

  it.each(RAW_CASES)('%s', async (_case, request, refusal) => {
    const stored = await rowCounts('gateway', GATEWAY_TABLES);
    const answer = parseRawAnswer(await rawHttp(gateway.url, request));
    expectProblem(
      { status: answer.status, contentType: answer.type ?? null, body: answer.body },
      refusal,
    );
    expect(await rowCounts('gateway', GATEWAY_TABLES)).toEqual(stored);
  });

  it('answers in English when asked, with the field messages too', async () => {
    const answer = await send({
      ...submit(withNik('2171017208900001')),
      headers: { 'accept-language': 'en-US,en;q=0.9,id;q=0.5' },
    });
    expect(answer.body.title).toBe('The request is not valid');
    expect(answer.body.errors).toContainEqual({
      field: 'applicant.nik',
      code: 'nikBirthDate',
      message: 'The NIK does not hold a real birth date (for women, 40 is added to the day)',
    });
    const indonesian = await send(submit(withNik('2171017208900001')));
    expect(indonesian.body.title).toBe('Permintaan tidak valid');
    expect(indonesian.body.errors[0].message).toContain('tanggal lahir');
  });

  it('takes SQL metacharacters in the catalog search as plain text', async () => {
    const answer = await send({ as: 'nobody', path: "/v1/services?q=x'%20OR%20'1'%3D'1;--" });
    expect(answer.status).toBe(200);
    expect(answer.body.services).toEqual([]);
  });

  it('published nothing but the one application it accepted on purpose', async () => {
    // The relay polls every 100 ms in tests: anything else stored would be out by now.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(recorder.messages.map((record) => record.message.key?.toString())).toEqual([
      fixtures.applicationId,
    ]);
  });

  describe('on ops', () => {
    let ops: RunningOps;
    let operatorKey: string;

    beforeAll(async () => {
      ops = await startOps();
      operatorKey = (await ops.createOperator('ops')).apiKey;
    }, 60000);

    afterAll(() => ops?.close(), 30000);

    const OPS_CASES: [
      string,
      { method?: string; path: string; body?: string; contentType?: string; signedIn?: boolean },
      Refusal,
    ][] = [
      [
        'malformed JSON at sign-in',
        {
          method: 'POST',
          path: '/v1/session',
          body: '{"apiKey":',
          contentType: 'application/json',
        },
        { status: 400, type: MALFORMED },
      ],
      [
        'a form at sign-in',
        {
          method: 'POST',
          path: '/v1/session',
          body: 'apiKey=x',
          contentType: 'application/x-www-form-urlencoded',
        },
        unsupported(),
      ],
      [
        'deep nesting in a replay',
        {
          method: 'POST',
          path: '/v1/dead-letters/replay',
          body: `{"ids":${'['.repeat(30)}${']'.repeat(30)}}`,
          contentType: 'application/json',
          signedIn: true,
        },
        { status: 400, type: '/problems/too-deeply-nested' },
      ],
      [
        'SQL in a flow search',
        { path: "/v1/flows?agency=x'%20OR%201%3D1--", signedIn: true },
        { status: 400, type: VALIDATION },
      ],
      [
        'a traversal as application id',
        { path: '/v1/applications/..%2F..%2Fetc/timeline', signedIn: true },
        { status: 400, type: VALIDATION },
      ],
      ['no credentials', { path: '/v1/operators' }, { status: 401, type: UNAUTHENTICATED }],
      [
        'PATCH on operators',
        { method: 'PATCH', path: '/v1/operators', signedIn: true },
        { status: 405, type: '/problems/method-not-allowed' },
      ],
      [
        'an unknown route',
        { path: '/v1/nothing-here', signedIn: true },
        { status: 404, type: NOT_FOUND },
      ],
    ];

    it.each(OPS_CASES)('%s', async (_case, request, refusal) => {
      const stored = await rowCounts('ops', OPS_TABLES);
      const response = await fetch(`${ops.url}${request.path}`, {
        method: request.method ?? 'GET',
        headers: {
          ...(request.signedIn ? { authorization: `Bearer ${operatorKey}` } : {}),
          ...(request.contentType ? { 'content-type': request.contentType } : {}),
        },
        body: request.body,
      });
      const text = await response.text();
      expectProblem(
        {
          status: response.status,
          contentType: response.headers.get('content-type'),
          body: text ? JSON.parse(text) : undefined,
        },
        refusal,
      );
      expect(await rowCounts('ops', OPS_TABLES)).toEqual(stored);
    });
  });
});
