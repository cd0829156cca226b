import { Injectable, Logger } from '@nestjs/common';
import { ApplicationStatus, type ApplicationResubmitted, type CloudEvent } from '@mpp/contracts';
import { LegacyRefusal } from '../legacy/legacy-errors';
import { SubmissionLedger } from '../ledger/submission-ledger';
import { SubmissionState } from '../ledger/submission-record';
import { LegacySystemGuard } from '../resilience/legacy-system-guard';
import { StatusReporter, type StatusNews } from '../status/status-reporter';
import { legacyCallOf, type HandlingOutcome } from './handling-outcome';
import { SubmitApplication } from './submit-application';

/** A submission's ledger row that a resubmission cannot follow: the message is parked. */
export class NothingToResubmit extends Error {
  override readonly name = 'NothingToResubmit';
}

/**
 * Sends the applicant's corrections after `NEEDS_REVISION`. An application the legacy system
 * took is revised there; one it refused at the door never existed there and is submitted anew.
 * Either way the statuses that follow belong to the new revision.
 */
@Injectable()
export class ResubmitApplication {
  private readonly logger = new Logger(ResubmitApplication.name);

  constructor(
    private readonly ledger: SubmissionLedger,
    private readonly guard: LegacySystemGuard,
    private readonly reporter: StatusReporter,
    private readonly submitter: SubmitApplication,
  ) {}

  async handle(event: CloudEvent<ApplicationResubmitted>): Promise<HandlingOutcome> {
    const resubmission = event.data;
    const { applicationId } = resubmission;
    const { outcome, news } = await this.ledger.underLock(
      applicationId,
      async (row): Promise<{ outcome: HandlingOutcome; news?: StatusNews }> => {
        const record = await row.load();
        if (!record) throw new NothingToResubmit(`no submission of ${applicationId} on record`);
        const sentAlready =
          record.revision > resubmission.revision ||
          (record.revision === resubmission.revision && !record.revisionPending);
        if (sentAlready) return { outcome: 'duplicate' };
        if (record.state === SubmissionState.REFUSED) {
          if (record.refusalStatus !== ApplicationStatus.NEEDS_REVISION) {
            return { outcome: 'refused' };
          }
          await row.restart(resubmission.revision);
          const submitted = await this.submitter.submit(row, event, 0);
          return {
            outcome: submitted.outcome,
            news: submitted.news && { applicationId, ...backInProcess(submitted.news) },
          };
        }
        if (record.state !== SubmissionState.SUBMITTED || !record.agencyReference) {
          throw new NothingToResubmit(`submission of ${applicationId} is ${record.state}`);
        }
        const reference = record.agencyReference;
        await row.revising(resubmission.revision);
        try {
          const call = legacyCallOf(event);
          await this.guard.callForMessage('resubmit', call, (legacy) =>
            legacy.resubmit(resubmission, reference, call),
          );
        } catch (error) {
          if (!(error instanceof LegacyRefusal)) throw error;
          await row.revised();
          return {
            outcome: 'refused',
            news: { applicationId, status: error.status, reason: error.reason },
          };
        }
        await row.revised();
        this.logger.log(`${applicationId} revision ${resubmission.revision} sent to ${reference}`);
        return {
          outcome: 'handled',
          news: { applicationId, status: ApplicationStatus.IN_PROCESS },
        };
      },
    );
    if (news) await this.reporter.report(news);
    return outcome;
  }
}

/** A fresh registration after a revision is the application going back into process. */
function backInProcess<T extends { status: ApplicationStatus }>(news: T): T {
  return news.status === ApplicationStatus.DELIVERED
    ? { ...news, status: ApplicationStatus.IN_PROCESS }
    : news;
}
