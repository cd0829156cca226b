import { Injectable, Logger } from '@nestjs/common';
import { ApplicationStatus, type ApplicationCancelled, type CloudEvent } from '@mpp/contracts';
import { LegacyRefusal } from '../legacy/legacy-errors';
import { SubmissionLedger } from '../ledger/submission-ledger';
import { SubmissionState } from '../ledger/submission-record';
import { LegacySystemGuard } from '../resilience/legacy-system-guard';
import { StatusReporter } from '../status/status-reporter';
import { legacyCallOf, type HandlingOutcome } from './handling-outcome';

/**
 * Withdraws an application at the applicant's request. What the legacy system holds is
 * cancelled there first; what it never took is cancelled here. When the agency has already
 * decided, the cancellation is refused and its decision stands.
 */
@Injectable()
export class CancelApplication {
  private readonly logger = new Logger(CancelApplication.name);

  constructor(
    private readonly ledger: SubmissionLedger,
    private readonly guard: LegacySystemGuard,
    private readonly reporter: StatusReporter,
  ) {}

  async handle(event: CloudEvent<ApplicationCancelled>): Promise<HandlingOutcome> {
    const cancellation = event.data;
    const { applicationId } = cancellation;
    const outcome = await this.ledger.underLock(
      applicationId,
      async (row): Promise<HandlingOutcome> => {
        const record = await row.load();
        if (record?.state === SubmissionState.CANCELLED) return 'duplicate';
        if (
          record?.state === SubmissionState.REFUSED &&
          record.refusalStatus !== ApplicationStatus.NEEDS_REVISION
        ) {
          return 'refused';
        }
        const call = legacyCallOf(event);
        let reference = record?.agencyReference ?? undefined;
        if (!reference && record?.state === SubmissionState.SUBMITTING && record.attempts > 0) {
          const earlier = await this.guard.callForMessage('findSubmission', call, (legacy) =>
            legacy.findSubmission(applicationId, call),
          );
          reference = earlier?.agencyReference;
        }
        if (reference) {
          const held = reference;
          try {
            await this.guard.callForMessage('cancel', call, (legacy) =>
              legacy.cancel(cancellation, held, call),
            );
          } catch (error) {
            if (!(error instanceof LegacyRefusal)) throw error;
            this.logger.log(
              `${applicationId}: cancellation refused by the agency: ${error.reason}`,
            );
            return 'refused';
          }
        }
        await row.cancelled(cancellation.serviceCode);
        return 'handled';
      },
    );
    if (outcome === 'handled' || outcome === 'duplicate') {
      await this.reporter.report({
        applicationId,
        status: ApplicationStatus.CANCELLED,
        reason: cancellation.reason,
      });
    }
    return outcome;
  }
}
