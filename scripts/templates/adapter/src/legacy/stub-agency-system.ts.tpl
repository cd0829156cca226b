import { LegacyRefusal, LegacyUnavailable, type LegacyStatusReport } from '@mpp/adapter-sdk';
import { ApplicationStatus } from '@mpp/contracts';

interface Registration {
  applicationId: string;
  registeredAt: number;
  withdrawn: boolean;
}

/**
 * Stands in for the agency's system until its real client is written: it registers
 * applications, completes each a moment later, and can be taken down to see the adapter wait.
 */
export class StubAgencySystem {
  private readonly registrations = new Map<string, Registration>();
  private readonly submissions = new Map<string, number>();
  private down = false;

  constructor(private readonly completeAfterMs = 200) {}

  register(applicationId: string): string {
    this.ping();
    this.submissions.set(applicationId, (this.submissions.get(applicationId) ?? 0) + 1);
    const reference = `STUB-${String(this.registrations.size + 1).padStart(6, '0')}`;
    this.registrations.set(reference, {
      applicationId,
      registeredAt: Date.now(),
      withdrawn: false,
    });
    return reference;
  }

  find(applicationId: string): string | undefined {
    this.ping();
    return [...this.registrations].find(([, r]) => r.applicationId === applicationId)?.[0];
  }

  revise(reference: string): void {
    this.registrationOf(reference).registeredAt = Date.now();
  }

  withdraw(reference: string): void {
    const registration = this.registrationOf(reference);
    if (this.statusOf(reference).status === ApplicationStatus.COMPLETED) {
      throw LegacyRefusal.rejected('Permohonan sudah selesai');
    }
    registration.withdrawn = true;
  }

  statusOf(reference: string): LegacyStatusReport {
    const registration = this.registrationOf(reference);
    if (registration.withdrawn) return { status: ApplicationStatus.CANCELLED };
    if (Date.now() - registration.registeredAt < this.completeAfterMs) {
      return { status: ApplicationStatus.IN_PROCESS };
    }
    return { status: ApplicationStatus.COMPLETED, result: { documentNumber: `DOC-${reference}` } };
  }

  ping(): void {
    if (this.down) throw new LegacyUnavailable('stub agency system is down');
  }

  submissionsOf(applicationId: string): number {
    return this.submissions.get(applicationId) ?? 0;
  }

  goDown(): void {
    this.down = true;
  }

  comeBack(): void {
    this.down = false;
  }

  private registrationOf(reference: string): Registration {
    this.ping();
    const registration = this.registrations.get(reference);
    if (!registration) throw new Error(`no registration ${reference}`);
    return registration;
  }
}

/** The one stub of this process; the adapter and its test share it. */
export const stubAgencySystem = new StubAgencySystem();
