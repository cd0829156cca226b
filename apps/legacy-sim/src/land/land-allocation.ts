import { Injectable } from '@nestjs/common';
import { ArrivalLog } from '../arrivals/arrival-log';
import { cancelCase, reviseCase } from '../casework/case-amendment';
import { CaseFiles, CaseNotFound } from '../casework/case-files';
import { CaseNumbering, wibDate } from '../casework/case-numbering';
import { type CaseRecord, openCase, reportCase } from '../casework/case-record';
import { SimulationReset } from '../control/simulation-reset';
import { FaultInjector } from '../fault-injection/fault-injector';
import { RestOperation } from '../rest/rest-operation';
import {
  bodyMembers,
  checkRestSubmission,
  type RestSubmissionShape,
} from '../rest/rest-submission';
import { SimulatedSystem } from '../simulated-systems';
import { LAND_STATUS_MODEL } from './land-status-model';
import { LandStatusAnnouncer } from './land-status-announcer';
import { LAND_SERVICES, type LandService, type LandStatus } from './land.contract';

export type LandBerkas = CaseRecord<LandStatus, LandService>;

export interface LandBerkasState {
  nomor_berkas: string;
  status: LandStatus;
}

export interface LandBerkasReport extends LandBerkasState {
  referensi: string;
  keterangan: string;
  nomor_sk?: string;
}

const SYSTEM = SimulatedSystem.land;

const SUBMISSION: RestSubmissionShape<LandService> = {
  fields: { reference: 'referensi', service: 'layanan', nik: 'nik', nama: 'nama', data: 'data' },
  services: LAND_SERVICES,
  codes: {
    incomplete: 'DATA_TIDAK_LENGKAP',
    unknownService: 'LAYANAN_TIDAK_DIKENAL',
    nikNotRegistered: 'NIK_TIDAK_TERDAFTAR',
  },
};

/**
 * The simulated land-allocation system (BP Batam): one berkas per sender's reference, whose
 * every status change is announced by callback.
 */
@Injectable()
export class LandAllocation {
  private readonly files: CaseFiles<LandBerkas>;
  private readonly numbering = new CaseNumbering();

  constructor(
    arrivals: ArrivalLog,
    private readonly faults: FaultInjector,
    private readonly announcer: LandStatusAnnouncer,
    reset: SimulationReset,
  ) {
    this.files = new CaseFiles(SYSTEM, arrivals);
    reset.onReset(() => this.files.clear());
  }

  /** Files a berkas, or answers the one already filed for the reference (`created` false). */
  submit(body: unknown, now = new Date()): { nomor_berkas: string; created: boolean } {
    this.files.received(bodyMembers(body).referensi, RestOperation.submit);
    const submission = checkRestSubmission(body, SUBMISSION);
    const existing = this.files.existingFor(submission.reference);
    if (existing) return { nomor_berkas: existing.number, created: false };
    const serial = this.numbering.next();
    const { yyyy, mm, dd } = wibDate(now);
    const berkas = openCase({
      submission,
      number: `BPB-${yyyy}${mm}${dd}${serial}`,
      model: LAND_STATUS_MODEL,
      processingMs: this.faults.profileOf(SYSTEM).processingMs,
      issuedDocument: `SKEP-${serial}/${submission.service}/BPB/${yyyy}`,
      receivedAt: now,
    });
    this.files.file(berkas);
    this.announcer.announce(berkas, now);
    return { nomor_berkas: berkas.number, created: true };
  }

  findByReference(referensi: unknown, now = new Date()): LandBerkasState {
    const berkas = this.files.forReference(referensi, RestOperation.findByReference).at(-1);
    if (!berkas) {
      const named = typeof referensi === 'string' ? referensi : '';
      throw new CaseNotFound(`Tidak ada pengajuan dengan referensi ${named}`);
    }
    return stateOf(berkas, now);
  }

  statusOf(nomorBerkas: string, now = new Date()): LandBerkasReport {
    const berkas = this.files.find(nomorBerkas, RestOperation.status);
    const report = reportCase(berkas, now);
    return {
      nomor_berkas: berkas.number,
      referensi: berkas.reference,
      status: report.status,
      keterangan: report.keterangan,
      ...(report.issuedDocument === undefined ? {} : { nomor_sk: report.issuedDocument }),
    };
  }

  revise(nomorBerkas: string, body: unknown, now = new Date()): LandBerkasState {
    const berkas = this.files.find(nomorBerkas, RestOperation.revise);
    reviseCase(berkas, bodyMembers(body).data, now);
    this.announcer.announce(berkas, now);
    return stateOf(berkas, now);
  }

  cancel(nomorBerkas: string, body: unknown, now = new Date()): LandBerkasState {
    const berkas = this.files.find(nomorBerkas, RestOperation.cancel);
    cancelCase(berkas, bodyMembers(body).alasan, now);
    this.announcer.announce(berkas, now);
    return stateOf(berkas, now);
  }
}

function stateOf(berkas: LandBerkas, now: Date): LandBerkasState {
  return { nomor_berkas: berkas.number, status: berkas.progress.statusAt(now) };
}
