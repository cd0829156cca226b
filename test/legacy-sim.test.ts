import axios from 'axios';
import { XMLParser } from 'fast-xml-parser';
import { createLegacySimApp, type RunningLegacySim } from '../apps/legacy-sim/src/legacy-sim.app';
import { callCivilRegistry } from './support/legacy-sim-soap';
import { nikWithSerial } from './support/legacy-sim-nik';
import { waitFor } from './support/wait-for';

process.env.LOG_LEVEL ??= 'warn';

const PROCESSING_MS = 900;

function submission(
  reference: string,
  overrides: Record<string, string> = {},
): Record<string, string> {
  return {
    RujukanPengirim: reference,
    KodeLayanan: 'ktp-el-penggantian',
    NIK: nikWithSerial('0001'),
    Nama: 'Siti Aminah',
    DataJson: JSON.stringify({ alasan: 'hilang', nomorKk: '2171010101010001' }),
    ...overrides,
  };
}

describe('legacy-sim: civil registry (SOAP)', () => {
  let sim: RunningLegacySim;
  let http: ReturnType<typeof axios.create>;

  beforeAll(async () => {
    sim = await createLegacySimApp({
      LEGACY_SIM_PORT: 0,
      LEGACY_SIM_HOST: '127.0.0.1',
      SIM_CIVIL_REGISTRY_PROCESSING_MS: PROCESSING_MS,
    });
    http = axios.create({ baseURL: sim.baseUrl, validateStatus: () => true });
  });

  afterAll(async () => {
    await sim?.close();
  });

  beforeEach(async () => {
    expect((await http.post('/_sim/reset')).status).toBe(204);
  });

  const perbaiki = (NomorRegistrasi: string, Data: string) =>
    callCivilRegistry(sim.baseUrl, 'PerbaikiPermohonan', { NomorRegistrasi, Data });
  const batalkan = (NomorRegistrasi: string, Alasan: string) =>
    callCivilRegistry(sim.baseUrl, 'BatalkanPermohonan', { NomorRegistrasi, Alasan });

  async function waitForStatus(
    NomorRegistrasi: string,
    status: string,
  ): Promise<Record<string, string>> {
    return waitFor(
      async () => {
        const answer = await callCivilRegistry(sim.baseUrl, 'CekStatus', { NomorRegistrasi });
        const report = answer.body.CekStatusResponse;
        return report?.Status === status ? report : undefined;
      },
      { timeoutMs: 10_000, intervalMs: 50, what: status },
    );
  }

  it('answers its health check', async () => {
    const response = await http.get('/health');
    expect(response.status).toBe(200);
    expect(response.data).toEqual({ status: 'ok' });
  });

  it('serves a WSDL 1.1 describing the five operations and its endpoint', async () => {
    const response = await http.get<string>('/disdukcapil/ws?wsdl', { responseType: 'text' });
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/xml/);
    const wsdl = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(
      response.data,
    )['wsdl:definitions'];
    expect(wsdl.targetNamespace).toBe('urn:disdukcapil:layanan:v1');
    const operations = wsdl['wsdl:portType']['wsdl:operation'].map(
      (op: { name: string }) => op.name,
    );
    expect(operations).toEqual([
      'AjukanPermohonan',
      'CekStatus',
      'CariPermohonan',
      'PerbaikiPermohonan',
      'BatalkanPermohonan',
    ]);
    const elements = wsdl['wsdl:types']['xsd:schema']['xsd:element'].map(
      (element: { name: string }) => element.name,
    );
    expect(elements).toEqual(
      expect.arrayContaining(['PerbaikiPermohonanResponse', 'BatalkanPermohonanResponse']),
    );
    const binding = wsdl['wsdl:binding'];
    expect(binding['soap:binding'].transport).toBe('http://schemas.xmlsoap.org/soap/http');
    expect(binding['wsdl:operation'][0]['soap:operation'].soapAction).toBe(
      'urn:disdukcapil:layanan:v1#AjukanPermohonan',
    );
    expect(wsdl['wsdl:service']['wsdl:port']['soap:address'].location).toBe(
      `${sim.baseUrl}/disdukcapil/ws`,
    );
  });

  it('registers a submission, reports its progress to SELESAI with a document number', async () => {
    const submitted = await callCivilRegistry(
      sim.baseUrl,
      'AjukanPermohonan',
      submission('app-progress'),
    );
    expect(submitted.httpStatus).toBe(200);
    expect(submitted.contentType).toMatch(/^text\/xml/);
    const { NomorRegistrasi, Status, Waktu } = submitted.body.AjukanPermohonanResponse;
    expect(NomorRegistrasi).toMatch(/^DKC-2171-\d{8}-\d{6}$/);
    expect(Status).toBe('DITERIMA');
    expect(Date.parse(Waktu)).not.toBeNaN();

    const seen = new Set<string>();
    const done = await waitFor(
      async () => {
        const answer = await callCivilRegistry(sim.baseUrl, 'CekStatus', { NomorRegistrasi });
        const report = answer.body.CekStatusResponse;
        seen.add(report.Status);
        expect(report.Keterangan).toBeTruthy();
        return report.Status === 'SELESAI' ? report : undefined;
      },
      { timeoutMs: 10_000, intervalMs: 50, what: 'SELESAI' },
    );
    expect(done.NomorDokumen).toMatch(/^2171-KTPEL-\d{8}-\d{6}$/);
    expect([...seen]).toEqual(expect.arrayContaining(['DIPROSES', 'DISETUJUI', 'SELESAI']));
  });

  it('asks once for a revision (serial 9998), then processes the revised data to SELESAI', async () => {
    const submitted = await callCivilRegistry(
      sim.baseUrl,
      'AjukanPermohonan',
      submission('app-revise', { NIK: nikWithSerial('9998') }),
    );
    const { NomorRegistrasi } = submitted.body.AjukanPermohonanResponse;
    const early = await perbaiki(NomorRegistrasi, '{"nomorKk":"2171010101010002"}');
    expect(early.body.Fault.detail.KesalahanLayanan.Kode).toBe('Client.StatusTidakSesuai');

    const waiting = await waitForStatus(NomorRegistrasi, 'PERLU_PERBAIKAN');
    expect(waiting.Keterangan).toMatch(/perbaiki/);
    expect(waiting.NomorDokumen).toBeUndefined();

    const notAnObject = await perbaiki(NomorRegistrasi, '["2171010101010002"]');
    expect(notAnObject.body.Fault.detail.KesalahanLayanan.Kode).toBe('Client.DataTidakLengkap');

    const revised = await perbaiki(NomorRegistrasi, '{"nomorKk":"2171010101010002"}');
    expect(revised.httpStatus).toBe(200);
    expect(revised.body.PerbaikiPermohonanResponse).toMatchObject({
      NomorRegistrasi,
      Status: 'DIPROSES',
    });
    const done = await waitForStatus(NomorRegistrasi, 'SELESAI');
    expect(done.NomorDokumen).toMatch(/^2171-KTPEL-\d{8}-\d{6}$/);

    const again = await perbaiki(NomorRegistrasi, '{}');
    expect(again.httpStatus).toBe(500);
    expect(again.body.Fault).toMatchObject({
      faultcode: 'soap:Client',
      detail: { KesalahanLayanan: { Kode: 'Client.StatusTidakSesuai' } },
    });
    const arrivals = await http.get('/_sim/systems/civil-registry/arrivals', {
      params: { reference: 'app-revise' },
    });
    expect(arrivals.data).toMatchObject({
      submissions: 1,
      operations: { AjukanPermohonan: 1, PerbaikiPermohonan: 4 },
    });
  });

  it('cancels an undecided registration for good, and again without a fault', async () => {
    const submitted = await callCivilRegistry(sim.baseUrl, 'AjukanPermohonan', submission('app-x'));
    const { NomorRegistrasi } = submitted.body.AjukanPermohonanResponse;
    const noReason = await batalkan(NomorRegistrasi, '');
    expect(noReason.body.Fault.detail.KesalahanLayanan.Kode).toBe('Client.DataTidakLengkap');

    for (let attempt = 0; attempt < 2; attempt++) {
      const cancelled = await batalkan(NomorRegistrasi, 'Salah memilih layanan');
      expect(cancelled.httpStatus).toBe(200);
      expect(cancelled.body.BatalkanPermohonanResponse).toMatchObject({
        NomorRegistrasi,
        Status: 'DIBATALKAN',
      });
    }
    const status = await callCivilRegistry(sim.baseUrl, 'CekStatus', { NomorRegistrasi });
    expect(status.body.CekStatusResponse.Status).toBe('DIBATALKAN');
    const unknown = await batalkan('DKC-0000', 'x');
    expect(unknown.body.Fault.detail.KesalahanLayanan.Kode).toBe('Client.TidakDitemukan');
  });

  it('refuses to cancel a registration that is already decided', async () => {
    await http.patch('/_sim/systems/civil-registry/faults', { processingMs: 0 });
    const submitted = await callCivilRegistry(sim.baseUrl, 'AjukanPermohonan', submission('app-y'));
    const { NomorRegistrasi } = submitted.body.AjukanPermohonanResponse;
    const refused = await batalkan(NomorRegistrasi, 'Terlambat');
    expect(refused.httpStatus).toBe(500);
    expect(refused.body.Fault).toMatchObject({
      faultcode: 'soap:Client',
      detail: { KesalahanLayanan: { Kode: 'Client.TidakDapatDibatalkan' } },
    });
    const status = await callCivilRegistry(sim.baseUrl, 'CekStatus', { NomorRegistrasi });
    expect(status.body.CekStatusResponse.Status).toBe('SELESAI');
  });

  it('does not deduplicate: the same reference submitted twice makes two registrations', async () => {
    const first = await callCivilRegistry(sim.baseUrl, 'AjukanPermohonan', submission('app-twice'));
    const second = await callCivilRegistry(
      sim.baseUrl,
      'AjukanPermohonan',
      submission('app-twice'),
    );
    const numbers = [first, second].map(
      (answer) => answer.body.AjukanPermohonanResponse.NomorRegistrasi,
    );
    expect(new Set(numbers).size).toBe(2);

    const arrivals = await http.get('/_sim/systems/civil-registry/arrivals', {
      params: { reference: 'app-twice' },
    });
    expect(arrivals.data).toMatchObject({ reference: 'app-twice', submissions: 2 });
    expect(
      arrivals.data.registrations.map((r: { nomorRegistrasi: string }) => r.nomorRegistrasi),
    ).toEqual(numbers);

    const found = await callCivilRegistry(sim.baseUrl, 'CariPermohonan', {
      RujukanPengirim: 'app-twice',
    });
    expect(found.body.CariPermohonanResponse).toMatchObject({
      NomorRegistrasi: numbers[1],
      Status: 'DITERIMA',
    });

    const summary = await http.get('/_sim/systems/civil-registry/arrivals');
    expect(summary.data).toEqual({ total: 2, byReference: { 'app-twice': 2 } });
    const counted = await http.get('/_sim/systems/civil-registry/arrivals', {
      params: { reference: 'app-twice' },
    });
    expect(counted.data.operations).toEqual({ AjukanPermohonan: 2, CariPermohonan: 1 });
  });

  it.each([
    ['a NIK with serial 9999', { NIK: nikWithSerial('9999') }, 'Client.NIKTidakTerdaftar'],
    ['an unknown service', { KodeLayanan: 'paspor-baru' }, 'Client.LayananTidakDikenal'],
    ['DataJson that is not a JSON object', { DataJson: '[1,2]' }, 'Client.DataTidakLengkap'],
    ['DataJson that is not JSON', { DataJson: 'alasan=hilang' }, 'Client.DataTidakLengkap'],
  ])(
    'refuses %s with a soap:Client fault and creates no registration',
    async (_what, change, kode) => {
      const answer = await callCivilRegistry(
        sim.baseUrl,
        'AjukanPermohonan',
        submission('app-refused', change),
      );
      expect(answer.httpStatus).toBe(500);
      expect(answer.body.Fault).toMatchObject({
        faultcode: 'soap:Client',
        detail: { KesalahanLayanan: { Kode: kode } },
      });
      expect(answer.body.Fault.faultstring).toBeTruthy();
      const arrivals = await http.get('/_sim/systems/civil-registry/arrivals', {
        params: { reference: 'app-refused' },
      });
      expect(arrivals.data).toEqual({
        reference: 'app-refused',
        submissions: 0,
        registrations: [],
        operations: { AjukanPermohonan: 1 },
      });
    },
  );

  it('answers Client.TidakDitemukan for an unknown registration or reference', async () => {
    const status = await callCivilRegistry(sim.baseUrl, 'CekStatus', {
      NomorRegistrasi: 'DKC-0000',
    });
    expect(status.body.Fault.detail.KesalahanLayanan.Kode).toBe('Client.TidakDitemukan');
    const lookup = await callCivilRegistry(sim.baseUrl, 'CariPermohonan', {
      RujukanPengirim: 'nobody',
    });
    expect(lookup.body.Fault.detail.KesalahanLayanan.Kode).toBe('Client.TidakDitemukan');
  });

  it('holds the SOAPAction to SOAP 1.1: required, and matching the operation when given', async () => {
    const missing = await callCivilRegistry(
      sim.baseUrl,
      'CekStatus',
      { NomorRegistrasi: 'x' },
      { soapAction: null },
    );
    expect(missing.body.Fault.detail.KesalahanLayanan.Kode).toBe('Client.PermintaanTidakValid');
    const wrong = await callCivilRegistry(
      sim.baseUrl,
      'CekStatus',
      { NomorRegistrasi: 'x' },
      { soapAction: 'urn:disdukcapil:layanan:v1#AjukanPermohonan' },
    );
    expect(wrong.body.Fault.detail.KesalahanLayanan.Kode).toBe('Client.PermintaanTidakValid');
    const unknown = await callCivilRegistry(sim.baseUrl, 'HapusPermohonan', {}, { soapAction: '' });
    expect(unknown.body.Fault.detail.KesalahanLayanan.Kode).toBe('Client.OperasiTidakDikenal');
  });

  it('answers soap:Server Server.Sibuk at an error rate of 1', async () => {
    const put = await http.put('/_sim/systems/civil-registry/faults', { errorRate: 1 });
    expect(put.status).toBe(200);
    expect(put.data).toMatchObject({
      errorRate: 1,
      maintenance: false,
      processingMs: PROCESSING_MS,
    });
    const answer = await callCivilRegistry(sim.baseUrl, 'AjukanPermohonan', submission('app-busy'));
    expect(answer.httpStatus).toBe(500);
    expect(answer.body.Fault).toMatchObject({
      faultcode: 'soap:Server',
      detail: { KesalahanLayanan: { Kode: 'Server.Sibuk' } },
    });
    const arrivals = await http.get('/_sim/systems/civil-registry/arrivals', {
      params: { reference: 'app-busy' },
    });
    expect(arrivals.data).toMatchObject({ submissions: 0, operations: {} });
  });

  it('answers 503 Server.Pemeliharaan during maintenance, and recovers after a reset', async () => {
    await http.put('/_sim/systems/civil-registry/faults', { maintenance: true });
    const down = await callCivilRegistry(
      sim.baseUrl,
      'AjukanPermohonan',
      submission('app-maintenance'),
    );
    expect(down.httpStatus).toBe(503);
    expect(down.body.Fault).toMatchObject({
      faultcode: 'soap:Server',
      detail: { KesalahanLayanan: { Kode: 'Server.Pemeliharaan' } },
    });

    await http.post('/_sim/reset');
    expect((await http.get('/_sim/systems/civil-registry/faults')).data.maintenance).toBe(false);
    const up = await callCivilRegistry(
      sim.baseUrl,
      'AjukanPermohonan',
      submission('app-maintenance'),
    );
    expect(up.httpStatus).toBe(200);
  });

  it('registers a timed-out submission but holds its answer back', async () => {
    await http.put('/_sim/systems/civil-registry/faults', { timeoutRate: 1, timeoutHoldMs: 300 });
    const started = Date.now();
    const answer = await callCivilRegistry(sim.baseUrl, 'AjukanPermohonan', submission('app-held'));
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
    expect(answer.httpStatus).toBe(200);
    const arrivals = await http.get('/_sim/systems/civil-registry/arrivals', {
      params: { reference: 'app-held' },
    });
    expect(arrivals.data.submissions).toBe(1);
  });

  it('merges knobs with PATCH, replaces them with PUT, and validates them', async () => {
    await http.patch('/_sim/systems/civil-registry/faults', { latencyMs: 5 });
    const patched = await http.patch('/_sim/systems/civil-registry/faults', { errorRate: 0.25 });
    expect(patched.data).toMatchObject({ latencyMs: 5, errorRate: 0.25 });
    const replaced = await http.put('/_sim/systems/civil-registry/faults', { timeoutRate: 0.5 });
    expect(replaced.data).toMatchObject({ latencyMs: 0, errorRate: 0, timeoutRate: 0.5 });

    for (const bad of [
      { errorRate: 1.5 },
      { timeoutRate: -0.1 },
      { latencyMs: 'slow' },
      { maintenance: 'yes' },
      { flaky: true },
      { rateLimitPerSecond: 5 },
    ]) {
      const response = await http.put('/_sim/systems/civil-registry/faults', bad);
      expect(response.status).toBe(400);
    }
    expect((await http.get('/_sim/systems/unknown-system/faults')).status).toBe(404);
  });
});
