import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  ApplicationStatus,
  maskNik,
  type ApplicationSubmitted,
  type CloudEvent,
} from '@mpp/contracts';
import { ADAPTER_DEFINITION, type AdapterDefinition } from '../definition/adapter-definition';
import type { LegacyReceipt, LegacyStatusReport } from '../legacy/legacy-connector';
import { LegacyRefusal } from '../legacy/legacy-errors';
import { SubmissionLedger, type LockedSubmission } from '../ledger/submission-ledger';
import { SubmissionRecord, SubmissionState } from '../ledger/submission-record';
import { LegacySystemGuard } from '../resilience/legacy-system-guard';
import { StatusReporter } from '../status/status-reporter';
import { legacyCallOf, type HandlingOutcome } from './handling-outcome';

/**
 * Hands an application to the legacy system exactly once in effect. The ledger records each
 * attempt before the call, so after an ambiguous failure (a timeout) the next attempt asks the
 * legacy system whether the earlier one arrived instead of submitting again.
 */
@Injectable()
export class SubmitApplication {
  private readonly logger = new Logger(SubmitApplication.name);

  constructor(
    private readonly ledger: SubmissionLedger,
    private readonly guard: LegacySystemGuard,
    private readonly reporter: StatusReporter,
    @Inject(ADAPTER_DEFINITION) private readonly definition: AdapterDefinition,
  ) {}

  async handle(event: CloudEvent<ApplicationSubmitted>): Promise<HandlingOutcome> {
    const application = event.data;
    const { outcome, news } = await this.ledger.underLock(
      application.applicationId,
      async (row) => {
        const record = await row.claim(application, {
          correlationId: event.correlationid,
          traceparent: event.traceparent,
        });
        if (record.state !== SubmissionState.SUBMITTING) {
          // Reported again in case a crash came between the ledger and the report.
          return { outcome: 'duplicate' as const, news: newsOf(record) };
        }
        return this.submit(row, event, record.attempts);
      },
    );
    if (news) await this.reporter.report({ applicationId: application.applicationId, ...news });
    return outcome;
  }

  /** Submits under the row's lock; also used for a resubmission that must start afresh. */
  async submit(
    row: LockedSubmission,
    event: CloudEvent<ApplicationSubmitted>,
    earlierAttempts: number,
  ): Promise<Submitted> {
    const application = event.data;
    if (!this.definition.services.some((service) => service.code === application.serviceCode)) {
      const reason = 'Layanan tidak dilayani oleh instansi ini';
      await row.refused(ApplicationStatus.REJECTED, reason);
      return { outcome: 'refused', news: { status: ApplicationStatus.REJECTED, reason } };
    }
    try {
      const receipt = await this.submitOnce(row, event, earlierAttempts);
      await row.submitted(receipt.agencyReference);
      this.logger.log(
        `${application.applicationId} registered as ${receipt.agencyReference} (NIK ${maskNik(application.applicant.nik)})`,
      );
      return {
        outcome: 'handled',
        news: {
          agencyReference: receipt.agencyReference,
          ...(receipt.status ?? { status: ApplicationStatus.DELIVERED }),
        },
      };
    } catch (error) {
      if (!(error instanceof LegacyRefusal)) throw error;
      await row.refused(error.status, error.reason);
      return { outcome: 'refused', news: { status: error.status, reason: error.reason } };
    }
  }

  private async submitOnce(
    row: LockedSubmission,
    event: CloudEvent<ApplicationSubmitted>,
    earlierAttempts: number,
  ): Promise<LegacyReceipt> {
    const call = legacyCallOf(event);
    if (earlierAttempts > 0) {
      const earlier = await this.guard.callForMessage('findSubmission', call, (legacy) =>
        legacy.findSubmission(event.data.applicationId, call),
      );
      if (earlier) {
        this.logger.log(
          `${event.data.applicationId}: adopted earlier registration ${earlier.agencyReference}`,
        );
        return earlier;
      }
    }
    await row.countAttempt();
    return this.guard.callForMessage('submit', call, (legacy) => legacy.submit(event.data, call));
  }
}

type News = LegacyStatusReport & { agencyReference?: string };

export interface Submitted {
  outcome: HandlingOutcome;
  /** What to report once the lock is released. */
  news?: News;
}

function newsOf(record: SubmissionRecord): News | undefined {
  if (record.state === SubmissionState.SUBMITTED) return { status: ApplicationStatus.DELIVERED };
  if (record.state === SubmissionState.REFUSED && record.refusalStatus) {
    return { status: record.refusalStatus, reason: record.refusalReason ?? undefined };
  }
  return undefined;
}
