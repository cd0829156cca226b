import { Injectable } from '@nestjs/common';
import { ArrivalLog } from '../arrivals/arrival-log';
import { cancelCase, reviseCase } from '../casework/case-amendment';
import { CaseFiles, CaseNotFound } from '../casework/case-files';
import { CaseNumbering, wibDate } from '../casework/case-numbering';
import { type CaseRecord, type CaseReport, openCase, reportCase } from '../casework/case-record';
import { parseJsonText } from '../casework/json-object';
import { checkSubmission, type SubmissionFieldNames } from '../casework/submission-check';
import { SimulationReset } from '../control/simulation-reset';
import { FaultInjector } from '../fault-injection/fault-injector';
import { SimulatedSystem } from '../simulated-systems';
import { CIVIL_REGISTRY_STATUS_MODEL } from './civil-registry-status-model';
import {
  CIVIL_REGISTRY_SERVICES,
  type CivilRegistryService,
  CivilRegistryStatus,
} from './civil-registry-status';
import { CivilRegistryOperation } from './civil-registry.contract';

export interface SubmissionRequest {
  rujukanPengirim?: string;
  kodeLayanan?: string;
  nik?: string;
  nama?: string;
  dataJson?: string;
}

export type Registration = CaseRecord<CivilRegistryStatus, CivilRegistryService>;
export type StatusReport = CaseReport<CivilRegistryStatus>;

const SYSTEM = SimulatedSystem.civilRegistry;
/** Kota Batam in the Kepmendagri region codes. */
const REGION_CODE = '2171';

const FIELD_NAMES: SubmissionFieldNames = {
  reference: 'RujukanPengirim',
  service: 'KodeLayanan',
  nik: 'NIK',
  nama: 'Nama',
  data: 'DataJson',
};

/**
 * The simulated civil registry (Disdukcapil): accepts submissions, numbers them, reports their
 * progress, takes revisions and cancellations. Like the legacy system it stands in for, it does
 * not deduplicate: the same sender's reference submitted twice makes two registrations.
 */
@Injectable()
export class CivilRegistry {
  private readonly registrations: CaseFiles<Registration>;
  private readonly numbering = new CaseNumbering();

  constructor(
    arrivals: ArrivalLog,
    private readonly faults: FaultInjector,
    reset: SimulationReset,
  ) {
    this.registrations = new CaseFiles(SYSTEM, arrivals);
    reset.onReset(() => this.registrations.clear());
  }

  register(request: SubmissionRequest, now = new Date()): Registration {
    this.registrations.received(request.rujukanPengirim, CivilRegistryOperation.ajukanPermohonan);
    const submission = checkSubmission(
      {
        reference: request.rujukanPengirim,
        service: request.kodeLayanan,
        nik: request.nik,
        nama: request.nama,
        data: parseJsonText(request.dataJson),
      },
      FIELD_NAMES,
      CIVIL_REGISTRY_SERVICES,
    );
    const serial = this.numbering.next();
    const { yyyy, mm, dd } = wibDate(now);
    const registration = openCase({
      submission,
      number: `DKC-${REGION_CODE}-${yyyy}${mm}${dd}-${serial}`,
      model: CIVIL_REGISTRY_STATUS_MODEL,
      processingMs: this.faults.profileOf(SYSTEM).processingMs,
      issuedDocument: documentNumber(submission.service, now, serial),
      receivedAt: now,
    });
    this.registrations.file(registration);
    return registration;
  }

  statusOf(nomorRegistrasi: string | undefined, now = new Date()): StatusReport {
    const registration = this.registrations.find(nomorRegistrasi, CivilRegistryOperation.cekStatus);
    return reportCase(registration, now);
  }

  /** The latest registration made for a sender's reference. */
  latestFor(
    rujukanPengirim: string | undefined,
    now = new Date(),
  ): { nomorRegistrasi: string; status: StatusReport } {
    const latest = this.registrations
      .forReference(rujukanPengirim, CivilRegistryOperation.cariPermohonan)
      .at(-1);
    if (!latest) {
      throw new CaseNotFound(
        `Tidak ada permohonan dengan rujukan pengirim ${rujukanPengirim ?? ''}`,
      );
    }
    return {
      nomorRegistrasi: latest.number,
      status: reportCase(latest, now),
    };
  }

  /** Takes revised data (JSON text) for a registration waiting in PERLU_PERBAIKAN. */
  revise(
    nomorRegistrasi: string | undefined,
    dataJson: string | undefined,
    now = new Date(),
  ): StatusReport {
    const registration = this.registrations.find(
      nomorRegistrasi,
      CivilRegistryOperation.perbaikiPermohonan,
    );
    reviseCase(registration, parseJsonText(dataJson), now);
    return reportCase(registration, now);
  }

  cancel(
    nomorRegistrasi: string | undefined,
    alasan: string | undefined,
    now = new Date(),
  ): StatusReport {
    const registration = this.registrations.find(
      nomorRegistrasi,
      CivilRegistryOperation.batalkanPermohonan,
    );
    cancelCase(registration, alasan, now);
    return reportCase(registration, now);
  }
}

function documentNumber(service: CivilRegistryService, at: Date, serial: string): string {
  const { yyyy, mm, dd } = wibDate(at);
  switch (service) {
    case 'ktp-el-penggantian':
      return `${REGION_CODE}-KTPEL-${dd}${mm}${yyyy}-${serial}`;
    case 'kk-perubahan':
      // A family card number: region and district, issue date DDMMYY, a four-digit serial.
      return `${REGION_CODE}01${dd}${mm}${yyyy.slice(2)}${serial.slice(-4)}`;
    case 'akta-kelahiran':
      return `${REGION_CODE}-LT-${dd}${mm}${yyyy}-${serial.slice(-4)}`;
  }
}
