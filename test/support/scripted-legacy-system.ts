import { Injectable } from '@nestjs/common';
import {
  defineAdapter,
  LegacyRefusal,
  LegacyThrottled,
  LegacyUnavailable,
  type AdapterModuleOptions,
  type LegacyConnector,
  type LegacyReceipt,
  type LegacyStatusReport,
} from '@mpp/adapter-sdk';
import {
  ApplicationStatus,
  type ApplicationCancelled,
  type ApplicationResubmitted,
  type ApplicationSubmitted,
} from '@mpp/contracts';
import { IsIn } from 'class-validator';

/** How the scripted legacy system treats an application, chosen by its `data.script`. */
export const Scripts = ['complete', 'explode', 'reject', 'revise', 'throttle', 'linger'] as const;
export type Script = (typeof Scripts)[number];

class ScriptedDataDto {
  @IsIn(Scripts)
  script!: Script;
}

interface Registration {
  reference: string;
  status: ApplicationStatus;
  revisions: number;
}

/**
 * A legacy system in memory whose answers a test scripts: it completes, throws unexpectedly,
 * refuses, asks for revision, throttles, or lingers in process until told otherwise.
 */
@Injectable()
export class ScriptedLegacySystem implements LegacyConnector {
  readonly system = 'scripted';
  readonly submissions = new Map<string, number>();
  readonly registrations = new Map<string, Registration>();
  readonly cancellations: string[] = [];
  /** When set, every call throws this first. */
  outage?: Error;
  /** Scripts that stop misbehaving: after a fix, `explode` completes. */
  fixed = false;
  private throttled = new Map<string, number>();

  async submit(application: ApplicationSubmitted): Promise<LegacyReceipt> {
    this.answerUnlessDown();
    const script = (application.data as { script: Script }).script;
    if (script === 'explode' && !this.fixed) throw new TypeError('cannot read the form');
    if (script === 'throttle' && (this.throttled.get(application.applicationId) ?? 0) < 2) {
      this.throttled.set(
        application.applicationId,
        (this.throttled.get(application.applicationId) ?? 0) + 1,
      );
      throw new LegacyThrottled('slow down', 50);
    }
    if (script === 'reject') throw LegacyRefusal.rejected('Lokasi di luar wilayah', 'E-42');
    const first = !this.registrations.has(application.applicationId);
    if (script === 'revise' && first && !('revision' in application)) {
      throw LegacyRefusal.needsRevision('Formulir belum ditandatangani', 'E-07');
    }
    this.submissions.set(
      application.applicationId,
      (this.submissions.get(application.applicationId) ?? 0) + 1,
    );
    const reference = `SCR-${this.submissions.size}`;
    this.registrations.set(application.applicationId, {
      reference,
      status: script === 'linger' ? ApplicationStatus.IN_PROCESS : ApplicationStatus.COMPLETED,
      revisions: 0,
    });
    return { agencyReference: reference };
  }

  async findSubmission(applicationId: string): Promise<LegacyReceipt | undefined> {
    this.answerUnlessDown();
    const registration = this.registrations.get(applicationId);
    return registration && { agencyReference: registration.reference };
  }

  async resubmit(resubmission: ApplicationResubmitted): Promise<void> {
    this.answerUnlessDown();
    const registration = this.registrations.get(resubmission.applicationId)!;
    registration.revisions += 1;
    registration.status = ApplicationStatus.COMPLETED;
  }

  async cancel(cancellation: ApplicationCancelled): Promise<void> {
    this.answerUnlessDown();
    const registration = this.registrations.get(cancellation.applicationId)!;
    if (registration.status !== ApplicationStatus.IN_PROCESS) {
      throw LegacyRefusal.rejected('Permohonan sudah diputuskan');
    }
    registration.status = ApplicationStatus.CANCELLED;
    this.cancellations.push(cancellation.applicationId);
  }

  async checkStatus(reference: string): Promise<LegacyStatusReport> {
    this.answerUnlessDown();
    const registration = [...this.registrations.values()].find((r) => r.reference === reference)!;
    return {
      status: registration.status,
      result:
        registration.status === ApplicationStatus.COMPLETED
          ? { documentNumber: `DOC-${reference}` }
          : undefined,
    };
  }

  async probe(): Promise<void> {
    this.answerUnlessDown();
  }

  private answerUnlessDown(): void {
    if (this.outage) throw this.outage;
  }
}

export const SCRIPTED_AGENCY = 'sdk-check';

export const SCRIPTED_ADAPTER: AdapterModuleOptions = {
  definition: defineAdapter({
    agency: SCRIPTED_AGENCY,
    agencyName: 'Instansi Uji SDK',
    defaultPort: 0,
    services: [
      {
        code: `${SCRIPTED_AGENCY}.layanan-uji`,
        name: { id: 'Layanan Uji', en: 'Test service' },
        description: { id: 'Untuk pengujian SDK.', en: 'For SDK tests.' },
        requirements: [],
        standardTime: { value: 1, unit: 'working_days' },
        fee: { amount: 0 },
        legalBasis: [],
        dataDto: ScriptedDataDto,
      },
    ],
  }),
  connector: ScriptedLegacySystem,
};

export const outageError = () => new LegacyUnavailable('connection refused');
