import { randomInt } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { ArrivalLog } from '../arrivals/arrival-log';
import { SimulationReset } from '../control/simulation-reset';
import { FaultInjector } from '../fault-injection/fault-injector';
import { SimulatedSystem } from '../simulated-systems';
import { CivilRegistryRejection } from './civil-registry-rejection';
import {
  type CivilRegistryOutcome,
  outcomeForNik,
  progressAfter,
  type ProgressReport,
} from './civil-registry-progress';
import {
  type CivilRegistryService,
  CivilRegistryFaultCode,
  CivilRegistryStatus,
  isCivilRegistryService,
} from './civil-registry-status';

export interface SubmissionRequest {
  rujukanPengirim?: string;
  kodeLayanan?: string;
  nik?: string;
  nama?: string;
  dataJson?: string;
}

/** What the registry keeps of a submission it accepted, as a real registry would. */
export interface Registration {
  nomorRegistrasi: string;
  rujukanPengirim: string;
  kodeLayanan: CivilRegistryService;
  nik: string;
  nama: string;
  data: Record<string, unknown>;
  registeredAt: Date;
  processingMs: number;
  outcome: CivilRegistryOutcome;
  nomorDokumen: string;
}

export interface StatusReport extends ProgressReport {
  nomorDokumen?: string;
}

const SYSTEM = SimulatedSystem.civilRegistry;
/** Kota Batam in the Kepmendagri region codes. */
const REGION_CODE = '2171';
const SERIAL_NOT_REGISTERED = '9999';
const WIB_OFFSET_MS = 7 * 3600 * 1000;

/**
 * The simulated civil registry (Disdukcapil): accepts submissions, numbers them, and reports
 * their progress. Like the legacy system it stands in for, it does not deduplicate: the same
 * sender's reference submitted twice makes two registrations.
 */
@Injectable()
export class CivilRegistry {
  private readonly registrations = new Map<string, Registration>();
  private readonly bySenderReference = new Map<string, string[]>();
  // A random start keeps numbers from repeating across simulator restarts.
  private sequence = randomInt(0, 500_000);

  constructor(
    private readonly arrivals: ArrivalLog,
    private readonly faults: FaultInjector,
    reset: SimulationReset,
  ) {
    reset.onReset(() => {
      this.registrations.clear();
      this.bySenderReference.clear();
    });
  }

  register(request: SubmissionRequest, now = new Date()): Registration {
    const missing = (['rujukanPengirim', 'kodeLayanan', 'nik', 'nama', 'dataJson'] as const).filter(
      (field) => !request[field],
    );
    if (missing.length > 0) {
      throw new CivilRegistryRejection(
        CivilRegistryFaultCode.dataTidakLengkap,
        `Elemen wajib tidak diisi: ${missing.join(', ')}`,
      );
    }
    const { rujukanPengirim, kodeLayanan, nik, nama, dataJson } =
      request as Required<SubmissionRequest>;
    if (!isCivilRegistryService(kodeLayanan)) {
      throw new CivilRegistryRejection(
        CivilRegistryFaultCode.layananTidakDikenal,
        `Kode layanan ${kodeLayanan} tidak dikenal`,
      );
    }
    const data = parseJsonObject(dataJson);
    if (!data) {
      throw new CivilRegistryRejection(
        CivilRegistryFaultCode.dataTidakLengkap,
        'DataJson bukan objek JSON yang sah',
      );
    }
    if (!/^\d{16}$/.test(nik)) {
      throw new CivilRegistryRejection(
        CivilRegistryFaultCode.dataTidakLengkap,
        'NIK harus terdiri dari 16 digit angka',
      );
    }
    if (nik.endsWith(SERIAL_NOT_REGISTERED)) {
      throw new CivilRegistryRejection(
        CivilRegistryFaultCode.nikTidakTerdaftar,
        'NIK tidak terdaftar dalam database kependudukan',
      );
    }

    const serial = this.nextSerial();
    const registration: Registration = {
      nomorRegistrasi: `DKC-${REGION_CODE}-${compactDate(now)}-${serial}`,
      rujukanPengirim,
      kodeLayanan,
      nik,
      nama,
      data,
      registeredAt: now,
      processingMs: this.faults.profileOf(SYSTEM).processingMs,
      outcome: outcomeForNik(nik),
      nomorDokumen: documentNumber(kodeLayanan, now, serial),
    };
    this.registrations.set(registration.nomorRegistrasi, registration);
    const earlier = this.bySenderReference.get(rujukanPengirim) ?? [];
    this.bySenderReference.set(rujukanPengirim, [...earlier, registration.nomorRegistrasi]);
    this.arrivals.record(SYSTEM, rujukanPengirim, registration.nomorRegistrasi, now);
    return registration;
  }

  statusOf(nomorRegistrasi: string | undefined, now = new Date()): StatusReport {
    const registration = nomorRegistrasi ? this.registrations.get(nomorRegistrasi) : undefined;
    if (!registration) {
      throw new CivilRegistryRejection(
        CivilRegistryFaultCode.tidakDitemukan,
        `Nomor registrasi ${nomorRegistrasi ?? ''} tidak ditemukan`,
      );
    }
    const progress = progressAfter(
      now.getTime() - registration.registeredAt.getTime(),
      registration.processingMs,
      registration.outcome,
    );
    return progress.status === CivilRegistryStatus.SELESAI
      ? { ...progress, nomorDokumen: registration.nomorDokumen }
      : progress;
  }

  /** The latest registration made for a sender's reference. */
  latestFor(
    rujukanPengirim: string | undefined,
    now = new Date(),
  ): { nomorRegistrasi: string; status: StatusReport } {
    const numbers = rujukanPengirim ? this.bySenderReference.get(rujukanPengirim) : undefined;
    const latest = numbers?.at(-1);
    if (!latest) {
      throw new CivilRegistryRejection(
        CivilRegistryFaultCode.tidakDitemukan,
        `Tidak ada permohonan dengan rujukan pengirim ${rujukanPengirim ?? ''}`,
      );
    }
    return { nomorRegistrasi: latest, status: this.statusOf(latest, now) };
  }

  private nextSerial(): string {
    this.sequence = (this.sequence + 1) % 1_000_000;
    return String(this.sequence).padStart(6, '0');
  }
}

function parseJsonObject(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return value !== null && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

/** YYYYMMDD in WIB, the registry's local date. */
function compactDate(at: Date): string {
  return new Date(at.getTime() + WIB_OFFSET_MS).toISOString().slice(0, 10).replaceAll('-', '');
}

function documentNumber(service: CivilRegistryService, at: Date, serial: string): string {
  const yyyymmdd = compactDate(at);
  const ddmmyyyy = `${yyyymmdd.slice(6, 8)}${yyyymmdd.slice(4, 6)}${yyyymmdd.slice(0, 4)}`;
  switch (service) {
    case 'ktp-el-penggantian':
      return `${REGION_CODE}-KTPEL-${ddmmyyyy}-${serial}`;
    case 'kk-perubahan':
      // A family card number: region and district, issue date DDMMYY, a four-digit serial.
      return `${REGION_CODE}01${ddmmyyyy.slice(0, 4)}${ddmmyyyy.slice(6, 8)}${serial.slice(-4)}`;
    case 'akta-kelahiran':
      return `${REGION_CODE}-LT-${ddmmyyyy}-${serial.slice(-4)}`;
  }
}
