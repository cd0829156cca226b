import { HttpStatus, Injectable } from '@nestjs/common';
import { ArrivalLog } from '../arrivals/arrival-log';
import { cancelCase, reviseCase } from '../casework/case-amendment';
import { CaseFiles } from '../casework/case-files';
import { CaseNumbering, wibDate } from '../casework/case-numbering';
import { type CaseRecord, openCase, reportCase } from '../casework/case-record';
import { SimulationReset } from '../control/simulation-reset';
import { FaultInjector } from '../fault-injection/fault-injector';
import { Refusal } from '../rest/refusal';
import { RestOperation } from '../rest/rest-operation';
import {
  bodyMembers,
  checkRestSubmission,
  type RestSubmissionShape,
} from '../rest/rest-submission';
import { SimulatedSystem } from '../simulated-systems';
import { PERMIT_STATUS_MODELS } from './permits-status-model';
import { PERMIT_KINDS, type PermitKind, type PermitStatus } from './permits.contract';

export type PermitApplication = CaseRecord<PermitStatus, PermitKind>;

/** An application as the status and lookup endpoints show it. */
export interface PermitApplicationState {
  id_permohonan: string;
  kd_status: PermitStatus;
}

/** What checkLicenseStatus answers. */
export interface PermitStatusReport extends PermitApplicationState {
  keterangan: string;
  nomor_izin?: string;
}

const SYSTEM = SimulatedSystem.permits;
/** Kota Batam's region code as OSS prints it on permits. */
const REGION_CODE = '217101';

const SUBMISSION: RestSubmissionShape<PermitKind> = {
  fields: {
    reference: 'nomor_referensi',
    service: 'kode_izin',
    nik: 'nik',
    nama: 'nama',
    data: 'data',
  },
  services: PERMIT_KINDS,
  codes: {
    incomplete: 'DATA_TIDAK_LENGKAP',
    unknownService: 'IZIN_TIDAK_DIKENAL',
    nikNotRegistered: 'NIK_TIDAK_TERDAFTAR',
  },
};

/**
 * The simulated licensing system (DPMPTSP, OSS-RBA style): one application per sender's
 * reference, numeric status codes that move with the processing time and must be polled.
 */
@Injectable()
export class PermitLicensing {
  private readonly applications: CaseFiles<PermitApplication>;
  private readonly numbering = new CaseNumbering();

  constructor(
    arrivals: ArrivalLog,
    private readonly faults: FaultInjector,
    reset: SimulationReset,
  ) {
    this.applications = new CaseFiles(SYSTEM, arrivals);
    reset.onReset(() => this.applications.clear());
  }

  /** Files an application; a second one for the same reference is a 409 naming the first. */
  submit(body: unknown, now = new Date()): PermitApplicationState {
    this.applications.received(bodyMembers(body).nomor_referensi, RestOperation.submit);
    const submission = checkRestSubmission(body, SUBMISSION);
    const existing = this.applications.existingFor(submission.reference);
    if (existing) {
      throw new Refusal(
        HttpStatus.CONFLICT,
        `Permohonan dengan nomor_referensi ${submission.reference} sudah diajukan`,
        { data: { id_permohonan: existing.number } },
      );
    }
    const serial = this.numbering.next();
    const { yyyy, mm, dd } = wibDate(now);
    const application = openCase({
      submission,
      number: `OSS-${yyyy}${mm}${dd}${serial}`,
      model: PERMIT_STATUS_MODELS[submission.service],
      processingMs: this.faults.profileOf(SYSTEM).processingMs,
      issuedDocument: permitNumber(submission.service, now, serial),
      receivedAt: now,
    });
    this.applications.file(application);
    return stateOf(application, now);
  }

  /** checkLicenseStatus */
  statusOf(idPermohonan: string, now = new Date()): PermitStatusReport {
    const application = this.applications.find(idPermohonan, RestOperation.status);
    const report = reportCase(application, now);
    return {
      id_permohonan: application.number,
      kd_status: report.status,
      keterangan: report.keterangan,
      ...(report.issuedDocument === undefined ? {} : { nomor_izin: report.issuedDocument }),
    };
  }

  findByReference(nomorReferensi: unknown, now = new Date()): PermitApplicationState[] {
    return this.applications
      .forReference(nomorReferensi, RestOperation.findByReference)
      .map((application) => stateOf(application, now));
  }

  revise(idPermohonan: string, body: unknown, now = new Date()): PermitApplicationState {
    const application = this.applications.find(idPermohonan, RestOperation.revise);
    reviseCase(application, bodyMembers(body).data, now);
    return stateOf(application, now);
  }

  cancel(idPermohonan: string, body: unknown, now = new Date()): PermitApplicationState {
    const application = this.applications.find(idPermohonan, RestOperation.cancel);
    cancelCase(application, bodyMembers(body).alasan, now);
    return stateOf(application, now);
  }
}

function stateOf(application: PermitApplication, now: Date): PermitApplicationState {
  return { id_permohonan: application.number, kd_status: application.progress.statusAt(now) };
}

function permitNumber(kind: PermitKind, at: Date, serial: string): string {
  const { yyyy, mm, dd } = wibDate(at);
  switch (kind) {
    case 'NIB':
      // A thirteen-digit business identity number.
      return `${yyyy.slice(2)}${mm}${dd}${serial.padStart(7, '0')}`;
    case 'PBG':
      return `SK-PBG-${REGION_CODE}-${dd}${mm}${yyyy}-${serial}`;
  }
}
