import { randomUUID } from 'node:crypto';
import type { ApplicationStatus, ServiceDescriptor } from '@mpp/contracts';
import type { Kafka, Producer } from 'kafkajs';
import type { Client } from 'pg';
import { sendStatusReports } from './support/agency-status';
import { TrackingNumber } from '../apps/gateway/src/applications/tracking-number';
import { withDatabase } from './support/database';
import { startGateway, type RunningGateway } from './support/gateway-harness';
import { connectedProducer, testKafka } from './support/kafka-probe';
import { announceService, testServiceDescriptor, withdrawService } from './support/registry';
import { waitFor } from './support/wait-for';

// Surveys go through the real API on applications that reach their final status through
// mpp.status. The reports need applications, status histories and surveys at chosen moments in
// March 2026, which no API can backdate: those are inserted into the gateway's tables directly.
const suffix = randomUUID().slice(0, 6);
const surveyAgency = `survei${suffix}`;
const surveyService = testServiceDescriptor(surveyAgency);
const agency = `kinerja${suffix}`;
const oneDayService: ServiceDescriptor = {
  ...testServiceDescriptor(agency, 'surat-keterangan'),
  agencyName: 'Dinas Uji, Kinerja',
  standardTime: { value: 1, unit: 'working_days' },
};
const fourHourService: ServiceDescriptor = {
  ...testServiceDescriptor(agency, 'izin-cepat'),
  agencyName: 'Dinas Uji, Kinerja',
  name: { id: 'Izin Cepat', en: 'Quick permit' },
  standardTime: { value: 4, unit: 'working_hours' },
};
const MARCH = 'from=2026-03-01&to=2026-03-31';

const ALL_FOURS = { U1: 4, U2: 4, U3: 4, U4: 4, U5: 4, U6: 4, U7: 4, U8: 4, U9: 4 };

interface Answer {
  status: number;
  headers: Headers;
  body: any;
  text: string;
}

/** A moment on the Jakarta wall clock. */
const wib = (local: string) => new Date(`${local}:00+07:00`);

describe('satisfaction surveys and reports (real gateway, Kafka and PostgreSQL)', () => {
  let kafka: Kafka;
  let gateway: RunningGateway;
  let producer: Producer;

  beforeAll(async () => {
    kafka = testKafka();
    for (const service of [surveyService, oneDayService, fourHourService]) {
      await announceService(kafka, service);
    }
    gateway = await startGateway({ GATEWAY_STATUS_GROUP_ID: `test-reports-status-${suffix}` });
    await gateway.waitForServices(surveyService.code, oneDayService.code, fourHourService.code);
    producer = await connectedProducer(kafka);
    await insertReportFixtures();
  }, 60000);

  afterAll(async () => {
    for (const service of [surveyService, oneDayService, fourHourService]) {
      await withdrawService(kafka, service.code);
    }
    await producer?.disconnect();
    await gateway?.close();
  }, 30000);

  /** Reports as the centre's staff, public pages as anyone, the rest as the front-end client. */
  async function call(path: string, init: RequestInit = {}): Promise<Answer> {
    const response = path.startsWith('/v1/public/')
      ? await fetch(`${gateway.url}${path}`, init)
      : await gateway.fetch(
          path,
          init,
          path.startsWith('/v1/reports/') ? gateway.admin : gateway.client,
        );
    const text = await response.text();
    const json = response.headers.get('content-type')?.includes('json');
    return {
      status: response.status,
      headers: response.headers,
      body: json ? JSON.parse(text) : undefined,
      text,
    };
  }

  const survey = (id: string, body: unknown, headers: Record<string, string> = {}) =>
    call(`/v1/applications/${id}/survey`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });

  function expectProblem(answer: Answer, status: number, type: string): void {
    expect(answer.status).toBe(status);
    expect(answer.headers.get('content-type')).toContain('application/problem+json');
    expect(answer.body.type).toBe(type);
  }

  async function submit(): Promise<string> {
    const answer = await call('/v1/applications', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        serviceCode: surveyService.code,
        applicant: { nik: '2171015508900001', name: 'Siti Aminah', contact: {} },
        data: { keperluan: 'melamar pekerjaan' },
      }),
    });
    expect(answer.status).toBe(202);
    return answer.body.id;
  }

  async function completed(): Promise<string> {
    const id = await submit();
    await sendStatusReports(producer, surveyService.code, id, [
      'DELIVERED',
      'IN_PROCESS',
      'APPROVED',
      'COMPLETED',
    ]);
    await waitFor(async () => (await call(`/v1/applications/${id}`)).body.status === 'COMPLETED', {
      what: `${id} to complete`,
    });
    return id;
  }

  async function storedSurveys(id: string): Promise<any[]> {
    return withDatabase(
      async (db) =>
        (await db.query(`SELECT * FROM gateway.survey_response WHERE application_id = $1`, [id]))
          .rows,
    );
  }

  describe('POST /v1/applications/:id/survey', () => {
    let completedId: string;

    beforeAll(async () => {
      completedId = await completed();
    }, 60000);

    it('records the nine answers, suggestions and profile once the application is final', async () => {
      const answer = await survey(completedId, {
        answers: { ...ALL_FOURS, U3: 2, U8: 3 },
        suggestions: '  Antrean di loket, "cepat" sekali.  ',
        respondent: { ageBand: '30-39', sex: 'P', education: 'D1-D3-D4', occupation: 'WIRAUSAHA' },
      });
      expect(answer.status).toBe(201);
      expect(answer.body).toEqual({ applicationId: completedId, submittedAt: expect.any(String) });
      const [row] = await storedSurveys(completedId);
      expect(row).toMatchObject({
        u1: 4,
        u3: 2,
        u8: 3,
        u9: 4,
        suggestions: 'Antrean di loket, "cepat" sekali.',
        age_band: '30-39',
        sex: 'P',
        education: 'D1-D3-D4',
        occupation: 'WIRAUSAHA',
      });
    });

    it('refuses a second survey of the same application with 409 and keeps the first', async () => {
      const before = await storedSurveys(completedId);
      const again = await survey(completedId, { answers: ALL_FOURS }, { 'accept-language': 'en' });
      expectProblem(again, 409, '/problems/survey-already-submitted');
      expect(again.body.title).toBe('Survey already submitted');
      expect(await storedSurveys(completedId)).toEqual(before);
    });

    it('refuses a survey before the application is final with 409, storing nothing', async () => {
      const id = await submit();
      const answer = await survey(id, { answers: ALL_FOURS });
      expectProblem(answer, 409, '/problems/survey-not-allowed');
      expect(answer.body.title).toBe('Survei belum dapat diisi');
      expect(answer.body.detail).toContain('SUBMITTED');
      expect(await storedSurveys(id)).toEqual([]);
    });

    it('answers 404 for an unknown application and 400 for an id that is no UUID', async () => {
      expectProblem(await survey(randomUUID(), { answers: ALL_FOURS }), 404, '/problems/not-found');
      const malformed = await survey('not-a-uuid', { answers: ALL_FOURS });
      expectProblem(malformed, 400, '/problems/validation-failed');
      expect(malformed.body.errors[0].field).toBe('id');
    });

    describe('refuses bad input with 400 and field errors, storing nothing', () => {
      let finalId: string;

      beforeAll(async () => {
        finalId = await completed();
      }, 60000);

      it.each([
        ['a score above 4', { answers: { ...ALL_FOURS, U1: 5 } }, 'answers.U1'],
        ['a score of 0', { answers: { ...ALL_FOURS, U3: 0 } }, 'answers.U3'],
        ['a score that is no integer', { answers: { ...ALL_FOURS, U2: 2.5 } }, 'answers.U2'],
        ['a score as text', { answers: { ...ALL_FOURS, U4: '4' } }, 'answers.U4'],
        ['a missing element', { answers: { ...ALL_FOURS, U9: undefined } }, 'answers.U9'],
        ['a tenth element', { answers: { ...ALL_FOURS, U10: 4 } }, 'answers.U10'],
        ['no answers', { suggestions: 'bagus' }, 'answers'],
        [
          'suggestions over 2000 characters',
          { answers: ALL_FOURS, suggestions: 'a'.repeat(2001) },
          'suggestions',
        ],
        [
          'an education outside the list',
          { answers: ALL_FOURS, respondent: { education: 'SMK' } },
          'respondent.education',
        ],
        [
          'an age band outside the list',
          { answers: ALL_FOURS, respondent: { ageBand: '35' } },
          'respondent.ageBand',
        ],
        [
          'an unknown profile field',
          { answers: ALL_FOURS, respondent: { religion: 'x' } },
          'respondent.religion',
        ],
        ['an unknown field', { answers: ALL_FOURS, rating: 5 }, 'rating'],
      ])('%s', async (_case, body, field) => {
        const answer = await survey(finalId, body, { 'accept-language': 'en' });
        expectProblem(answer, 400, '/problems/validation-failed');
        expect(answer.body.title).toBe('The request is not valid');
        expect(answer.body.errors.map((error: { field: string }) => error.field)).toContain(field);
        expect(await storedSurveys(finalId)).toEqual([]);
      });
    });

    it('counts an accepted survey in the reports of its survey day', async () => {
      const today = new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
      const report = await call(
        `/v1/reports/ikm/services/${surveyService.code}?from=${today}&to=${today}`,
      );
      expect(report.status).toBe(200);
      expect(report.body.total.respondents).toBe(1);
      expect(report.body.total.elements.map((e: any) => e.nrr)).toEqual([
        4, 4, 2, 4, 4, 4, 4, 3, 4,
      ]);
      // (36 - 2 - 1) / 9 = 3.6667, × 25 = 91.67
      expect(report.body.total).toMatchObject({
        ikm: 3.6667,
        convertedScore: 91.67,
        category: 'A',
      });
    });
  });

  describe('IKM reports', () => {
    it('computes NRR, IKM, the converted score and category of an agency, per service', async () => {
      const report = await call(`/v1/reports/ikm/agencies/${agency}?${MARCH}`);
      expect(report.status).toBe(200);
      expect(report.body.scope).toEqual({
        level: 'agency',
        agency,
        agencyName: 'Dinas Uji, Kinerja',
      });
      expect(report.body.period).toEqual({ from: '2026-03-01', to: '2026-03-31' });
      // Respondents of the one-day service: all 4s; all 3s; 4,3,2 repeated. The quick permit: all 1s.
      expect(report.body.total.respondents).toBe(4);
      expect(report.body.total.elements.map((e: any) => [e.element, e.sum, e.nrr])).toEqual([
        ['U1', 12, 3],
        ['U2', 11, 2.75],
        ['U3', 10, 2.5],
        ['U4', 12, 3],
        ['U5', 11, 2.75],
        ['U6', 10, 2.5],
        ['U7', 12, 3],
        ['U8', 11, 2.75],
        ['U9', 10, 2.5],
      ]);
      // 99 / 36 = 2.75, × 25 = 68.75
      expect(report.body.total).toMatchObject({
        ikm: 2.75,
        convertedScore: 68.75,
        category: 'C',
        categoryName: { id: 'Kurang Baik', en: 'Poor' },
      });
      expect(
        report.body.services.map((s: any) => [
          s.serviceCode,
          s.respondents,
          s.convertedScore,
          s.category,
        ]),
      ).toEqual([
        [fourHourService.code, 1, 25, 'D'],
        [oneDayService.code, 3, 83.33, 'B'],
      ]);
      expect(report.body.services[1].elements[0].nrr).toBe(3.6667);
    });

    it('breaks the index down by respondent profile, unanswered last', async () => {
      const report = await call(`/v1/reports/ikm/services/${oneDayService.code}?${MARCH}`);
      expect(report.body.scope).toMatchObject({
        level: 'service',
        serviceCode: oneDayService.code,
        serviceName: oneDayService.name,
        agency,
      });
      const bySex = report.body.byProfile.sex.map((g: any) => [
        g.value,
        g.respondents,
        g.convertedScore,
        g.category,
      ]);
      expect(bySex).toEqual([
        ['L', 1, 75, 'C'],
        ['P', 1, 100, 'A'],
        [null, 1, 75, 'C'],
      ]);
      expect(report.body.byProfile.education[0]).toMatchObject({
        value: 'SMA',
        label: { id: 'SMA', en: 'Senior high school' },
      });
    });

    it('reports the whole centre per agency, and counts surveys by the day they were given', async () => {
      const report = await call(`/v1/reports/ikm?${MARCH}`);
      const row = report.body.agencies.find((a: any) => a.agency === agency);
      expect(row).toMatchObject({ respondents: 4, convertedScore: 68.75, category: 'C' });
      // The quick permit's survey was given on the last day, 31 March.
      const march = await call(`/v1/reports/ikm/agencies/${agency}?from=2026-03-01&to=2026-03-30`);
      expect(march.body.total.respondents).toBe(3);
    });

    it('publishes the per-agency summary without NRR or profile', async () => {
      const summary = await call(`/v1/public/ikm?${MARCH}`);
      expect(summary.status).toBe(200);
      const row = summary.body.agencies.find((a: any) => a.agency === agency);
      expect(row).toEqual({
        agency,
        agencyName: 'Dinas Uji, Kinerja',
        respondents: 4,
        ikm: 2.75,
        convertedScore: 68.75,
        category: 'C',
        categoryName: { id: 'Kurang Baik', en: 'Poor' },
      });
      expect(summary.body.centre.respondents).toBeGreaterThanOrEqual(4);
    });

    it('exports CSV for Accept: text/csv, one row a group, quoting where needed', async () => {
      const csv = await call(`/v1/reports/ikm/agencies/${agency}?${MARCH}`, {
        headers: { accept: 'text/csv' },
      });
      expect(csv.status).toBe(200);
      expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
      expect(csv.headers.get('content-disposition')).toBe(
        `attachment; filename="ikm_agency-${agency}_2026-03-01_2026-03-31.csv"`,
      );
      const lines = csv.text.split('\r\n');
      expect(lines.pop()).toBe('');
      expect(lines[0]).toBe(
        'group,value,name,respondents,nrr_u1,nrr_u2,nrr_u3,nrr_u4,nrr_u5,nrr_u6,nrr_u7,nrr_u8,nrr_u9,ikm,converted_score,category,category_name',
      );
      expect(lines[1]).toBe(
        `agency,${agency},"Dinas Uji, Kinerja",4,3,2.75,2.5,3,2.75,2.5,3,2.75,2.5,2.75,68.75,C,Kurang Baik`,
      );
      expect(lines[2]).toBe(
        `service,${fourHourService.code},Izin Cepat,1,1,1,1,1,1,1,1,1,1,1,25,D,Tidak Baik`,
      );
      expect(lines).toContain('sex,P,Perempuan,1,4,4,4,4,4,4,4,4,4,4,100,A,Sangat Baik');
      expect(lines).toContain('sex,,,1,4,3,2,4,3,2,4,3,2,3,75,C,Kurang Baik');
    });

    it('refuses a bad period with 400 and field errors', async () => {
      const reversed = await call(`/v1/reports/ikm?from=2026-03-31&to=2026-03-01`);
      expectProblem(reversed, 400, '/problems/validation-failed');
      expect(reversed.body.errors[0]).toMatchObject({ field: 'to', code: 'notBeforeFrom' });
      const missing = await call(`/v1/public/ikm?to=2026-03-01`);
      expectProblem(missing, 400, '/problems/validation-failed');
      expect(missing.body.errors.map((e: any) => e.field)).toContain('from');
      const format = await call(`/v1/reports/ikm?${MARCH}&format=xml`);
      expect(format.body.errors.map((e: any) => e.field)).toContain('format');
      const agencyCode = await call(`/v1/reports/ikm/agencies/Bad%20Agency?${MARCH}`);
      expect(agencyCode.body.errors.map((e: any) => e.field)).toEqual(['agency']);
    });
  });

  describe('performance reports', () => {
    it('measures turnaround and SLA compliance in working time, across a weekend and Idulfitri', async () => {
      const report = await call(`/v1/reports/performance/agencies/${agency}?${MARCH}`);
      expect(report.status).toBe(200);
      const { total } = report.body;
      expect(total.reached).toMatchObject({
        SUBMITTED: 8,
        COMPLETED: 4,
        REJECTED: 1,
        CANCELLED: 1,
      });
      expect(total.finished).toEqual({
        total: 6,
        completed: 4,
        rejected: 1,
        cancelled: 1,
        completionRate: 0.6667,
        rejectionRate: 0.1667,
      });
      // Turnaround of the decided ones: 7 (weekend), 7 (Idulfitri), 20 (revision), 9, 4 hours.
      expect(total.turnaroundHours).toEqual({ median: 7, p90: 15.6 });
      // The agency's clock leaves out the 12 working hours waiting on the applicant.
      expect(total.agencyHours).toEqual({ median: 7, p90: 8.6 });
      expect(total.sla).toEqual({ measured: 5, met: 4, compliance: 0.8, withoutStandard: 0 });
      expect(total.legacyAvailability).toBeNull();

      const byService = Object.fromEntries(
        report.body.services.map((s: any) => [s.serviceCode, s]),
      );
      expect(byService[oneDayService.code].sla).toMatchObject({ measured: 4, met: 3 });
      expect(byService[fourHourService.code].sla).toMatchObject({ measured: 1, met: 1 });
    });

    it('lists the backlog now and the overdue applications with their due time', async () => {
      const report = await call(`/v1/reports/performance/agencies/${agency}?${MARCH}`);
      expect(report.body.total.backlog).toMatchObject({
        total: 3,
        byStatus: { SUBMITTED: 1, IN_PROCESS: 1, NEEDS_REVISION: 1 },
      });
      expect(report.body.total.overdue).toBe(1);
      expect(report.body.overdueApplications).toEqual([
        {
          id: fixtures.overdue,
          trackingNumber: expect.any(String),
          serviceCode: oneDayService.code,
          status: 'IN_PROCESS',
          submittedAt: wib('2026-03-02T09:00').toISOString(),
          dueAt: wib('2026-03-03T09:00').toISOString(),
          overdueHours: expect.any(Number),
        },
      ]);
      expect(report.body.overdueApplications[0].overdueHours).toBeGreaterThan(1000);

      const overdue = await call(`/v1/reports/overdue/services/${oneDayService.code}`);
      expect(overdue.body.applications.map((a: any) => a.id)).toEqual([fixtures.overdue]);
    });

    it('exports the performance report and the overdue list as CSV', async () => {
      const csv = await call(`/v1/reports/performance/agencies/${agency}?${MARCH}&format=csv`);
      expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
      const [header, agencyRow, ...serviceRows] = csv.text.trimEnd().split('\r\n');
      const columns = header.split(',');
      expect(columns.slice(0, 4)).toEqual(['group', 'value', 'name', 'reached_submitted']);
      expect(serviceRows).toHaveLength(2);
      // "Dinas Uji, Kinerja" is quoted: split the rest after it.
      expect(agencyRow.startsWith(`agency,${agency},"Dinas Uji, Kinerja",`)).toBe(true);
      const values = agencyRow.slice(`agency,${agency},"Dinas Uji, Kinerja",`.length).split(',');
      const column = (name: string) => values[columns.indexOf(name) - 3];
      expect(column('sla_compliance')).toBe('0.8');
      expect(column('turnaround_p90_hours')).toBe('15.6');
      expect(column('backlog')).toBe('3');
      expect(column('legacy_availability')).toBe('');

      const overdue = await call(`/v1/reports/overdue/agencies/${agency}`, {
        headers: { accept: 'text/csv' },
      });
      const lines = overdue.text.trimEnd().split('\r\n');
      expect(lines[0]).toBe(
        'id,tracking_number,service_code,status,submitted_at,due_at,overdue_hours',
      );
      expect(lines).toHaveLength(2);
      expect(lines[1]).toContain(
        `,${oneDayService.code},IN_PROCESS,2026-03-02T02:00:00.000Z,2026-03-03T02:00:00.000Z,`,
      );
    });

    it('reports the whole centre per agency', async () => {
      const report = await call(`/v1/reports/performance?${MARCH}`);
      const row = report.body.agencies.find((a: any) => a.agency === agency);
      expect(row).toMatchObject({ agencyName: 'Dinas Uji, Kinerja', sla: { compliance: 0.8 } });
    });
  });

  const fixtures = { overdue: '' };

  /**
   * March 2026 at the agency under test. The one-day service: a Friday submission completed on
   * Monday (7 working hours); one on Tuesday 17 March completed on Wednesday 25 March, across
   * Nyepi, Idulfitri and their cuti bersama (7); one sent back to the applicant for 12 working
   * hours (20, of which 8 on the agency's clock); a rejection after 9 (late); a cancellation.
   * The four-hour service: a Friday submission completed on Monday after exactly 4. Unfinished:
   * one overdue since 3 March, one waiting on the applicant, one submitted now.
   */
  async function insertReportFixtures(): Promise<void> {
    await withDatabase(async (db) => {
      const A = oneDayService.code;
      const B = fourHourService.code;
      const a1 = await application(db, A, [
        ['SUBMITTED', '2026-03-13T10:00'],
        ['DELIVERED', '2026-03-13T10:05'],
        ['IN_PROCESS', '2026-03-13T10:10'],
        ['APPROVED', '2026-03-16T08:30'],
        ['COMPLETED', '2026-03-16T09:00'],
      ]);
      const a2 = await application(db, A, [
        ['SUBMITTED', '2026-03-17T14:00'],
        ['DELIVERED', '2026-03-17T14:01'],
        ['APPROVED', '2026-03-25T12:00'],
        ['COMPLETED', '2026-03-25T13:00'],
      ]);
      const a3 = await application(
        db,
        A,
        [
          ['SUBMITTED', '2026-03-09T08:00'],
          ['DELIVERED', '2026-03-09T08:01'],
          ['NEEDS_REVISION', '2026-03-09T12:00'],
          ['IN_PROCESS', '2026-03-11T09:00'],
          ['APPROVED', '2026-03-11T11:00'],
          ['COMPLETED', '2026-03-11T12:00'],
        ],
        ['2026-03-11T08:00'],
      );
      await application(db, A, [
        ['SUBMITTED', '2026-03-09T08:00'],
        ['REJECTED', '2026-03-10T09:00'],
      ]);
      await application(db, A, [
        ['SUBMITTED', '2026-03-09T09:00'],
        ['CANCELLED', '2026-03-09T10:00'],
      ]);
      const b1 = await application(db, B, [
        ['SUBMITTED', '2026-03-13T14:00'],
        ['COMPLETED', '2026-03-16T10:00'],
      ]);
      fixtures.overdue = await application(db, A, [
        ['SUBMITTED', '2026-03-02T09:00'],
        ['IN_PROCESS', '2026-03-02T10:00'],
      ]);
      await application(db, A, [
        ['SUBMITTED', '2026-03-09T08:00'],
        ['NEEDS_REVISION', '2026-03-09T10:00'],
      ]);
      await application(db, A, [['SUBMITTED', new Date()]]);

      await surveyOn(db, a1, '2026-03-16T10:00', [4, 4, 4, 4, 4, 4, 4, 4, 4], {
        sex: 'P',
        education: 'S1',
        age_band: '30-39',
        occupation: 'SWASTA',
      });
      await surveyOn(db, a2, '2026-03-26T09:00', [3, 3, 3, 3, 3, 3, 3, 3, 3], {
        sex: 'L',
        education: 'SMA',
      });
      await surveyOn(db, a3, '2026-03-30T15:00', [4, 3, 2, 4, 3, 2, 4, 3, 2], {});
      await surveyOn(db, b1, '2026-03-31T15:00', [1, 1, 1, 1, 1, 1, 1, 1, 1], { sex: 'L' });
    });
  }

  async function application(
    db: Client,
    serviceCode: string,
    changes: [ApplicationStatus, string | Date][],
    resubmittedAt: string[] = [],
  ): Promise<string> {
    const id = randomUUID();
    const at = (when: string | Date) => (typeof when === 'string' ? wib(when) : when);
    const [, submittedAt] = changes[0];
    const [status, updatedAt] = changes[changes.length - 1];
    await db.query(
      `INSERT INTO gateway.application (id, tracking_number, service_code, agency, client_id,
         applicant, data, documents, status, correlation_id, submitted_at, updated_at)
       VALUES ($1, $2, $3, $4, 'test', '{}', '{}', '[]', $5, 'test', $6, $7)`,
      [id, TrackingNumber.generate(), serviceCode, agency, status, at(submittedAt), at(updatedAt)],
    );
    for (const [changeStatus, when] of changes) {
      await db.query(
        `INSERT INTO gateway.application_status_change
           (application_id, status, source, occurred_at, recorded_at) VALUES ($1, $2, 'test', $3, $3)`,
        [id, changeStatus, at(when)],
      );
    }
    for (const when of resubmittedAt) {
      await db.query(
        `INSERT INTO gateway.application_request
           (application_id, kind, revision, client_id, event_id, requested_at, settled_at)
         VALUES ($1, 'RESUBMISSION', 2, 'test', $2, $3, $3)`,
        [id, randomUUID(), wib(when)],
      );
    }
    return id;
  }

  async function surveyOn(
    db: Client,
    applicationId: string,
    when: string,
    scores: number[],
    profile: Record<string, string>,
  ): Promise<void> {
    await db.query(
      `INSERT INTO gateway.survey_response (application_id, u1, u2, u3, u4, u5, u6, u7, u8, u9,
         age_band, sex, education, occupation, client_id, submitted_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, 'test', $15)`,
      [
        applicationId,
        ...scores,
        profile.age_band ?? null,
        profile.sex ?? null,
        profile.education ?? null,
        profile.occupation ?? null,
        wib(when),
      ],
    );
  }
});
