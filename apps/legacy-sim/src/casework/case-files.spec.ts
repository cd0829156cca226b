import { ArrivalLog } from '../arrivals/arrival-log';
import { SimulationReset } from '../control/simulation-reset';
import { SimulatedSystem } from '../simulated-systems';
import { CaseFiles, CaseNotFound } from './case-files';
import { type CaseRecord, openCase } from './case-record';
import { processingRoute } from './processing-route';
import type { StatusModel } from './status-model';

const SYSTEM = SimulatedSystem.land;
const ROUTE = processingRoute<'NEW'>(1, ['NEW', 0]);
const MODEL: StatusModel<'NEW'> = {
  routes: { approve: ROUTE, revise: ROUTE, reject: ROUTE },
  resumedRoute: ROUTE,
  awaitingRevision: 'NEW',
  cancellable: [],
  cancelled: 'NEW',
  keterangan: { NEW: 'new' },
  documentIssuedIn: [],
};

function caseOf(number: string, reference: string): CaseRecord<'NEW', 'X'> {
  return openCase({
    submission: {
      reference,
      service: 'X',
      nik: '2171010101900001',
      nama: 'Siti',
      data: {},
      outcome: 'approve',
    },
    number,
    model: MODEL,
    processingMs: 0,
    issuedDocument: '',
    receivedAt: new Date('2025-03-03T01:00:00.000Z'),
  });
}

describe('CaseFiles', () => {
  let arrivals: ArrivalLog;
  let files: CaseFiles<CaseRecord<'NEW', 'X'>>;

  beforeEach(() => {
    arrivals = new ArrivalLog(new SimulationReset());
    files = new CaseFiles(SYSTEM, arrivals);
  });

  it('records each request under the reference of the case it concerns', () => {
    files.received('app-1', 'submit');
    files.file(caseOf('N-1', 'app-1'));
    files.find('N-1', 'status');
    files.find('N-1', 'status');
    files.forReference('app-1', 'findByReference');
    expect(arrivals.ofReference(SYSTEM, 'app-1')).toEqual({
      reference: 'app-1',
      submissions: 1,
      registrations: [{ nomorRegistrasi: 'N-1', at: '2025-03-03T01:00:00.000Z' }],
      operations: { submit: 1, status: 2, findByReference: 1 },
    });
  });

  it('keeps every case of a reference, oldest first, and checks without recording', () => {
    files.file(caseOf('N-1', 'app-1'));
    files.file(caseOf('N-2', 'app-1'));
    expect(files.forReference('app-1', 'lookup').map((record) => record.number)).toEqual([
      'N-1',
      'N-2',
    ]);
    expect(files.existingFor('app-1')?.number).toBe('N-2');
    expect(arrivals.ofReference(SYSTEM, 'app-1').operations).toEqual({ lookup: 1 });
  });

  it('throws CaseNotFound for an unknown number and records nothing', () => {
    expect(() => files.find('N-9', 'status')).toThrow(CaseNotFound);
    expect(() => files.find(undefined, 'status')).toThrow(CaseNotFound);
    files.received(undefined, 'submit');
    files.received('', 'submit');
    expect(arrivals.summary(SYSTEM)).toEqual({ total: 0, byReference: {} });
  });

  it('forgets every case when cleared', () => {
    files.file(caseOf('N-1', 'app-1'));
    files.clear();
    expect(() => files.find('N-1', 'status')).toThrow(CaseNotFound);
    expect(files.existingFor('app-1')).toBeUndefined();
  });
});
