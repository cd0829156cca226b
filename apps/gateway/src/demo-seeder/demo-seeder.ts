import { startOfJakartaDate, type WorkingCalendar } from '@mpp/working-time';
import type { Producer } from 'kafkajs';
import type { PastRecordOutcome, PastRecordResult } from '../seeding/past-records';
import { jakartaDate, planDemoMonth, type PlannedApplication } from './demo-month-plan';
import { pause, SeedingClient } from './seeding-client';
import { publishStatusReports } from './status-reports';

export interface DemoSeedOptions {
  gatewayUrl: string;
  /** A front-end client's key (the demo client of `npm start`): the applications are its own. */
  apiKey: string;
  producer: Producer;
  calendar: WorkingCalendar;
  seed: number;
  days?: number;
  perWorkingDay?: number;
  /** The end of the history; the start of today in Jakarta unless given. */
  until?: Date;
  /** How long to wait for the gateway to apply the status reports. */
  timeoutMs?: number;
  log?: (line: string) => void;
}

export type OutcomeCounts = Partial<Record<PastRecordOutcome, number>>;

export interface DemoSeedSummary {
  until: string;
  planned: number;
  applications: OutcomeCounts;
  /** Applications recorded by a run on another day, with another history: left as they are. */
  leftAlone: number;
  statusReports: number;
  resubmissions: OutcomeCounts;
  surveys: OutcomeCounts;
}

/**
 * Seeds a month of demo history through the gateway: applications submitted in the past through
 * the seeding routes, their statuses reported on mpp.status as adapters report them, then the
 * applicants' corrections and surveys, each accepted once the statuses it follows are applied.
 */
export async function seedDemoMonth(options: DemoSeedOptions): Promise<DemoSeedSummary> {
  const log = options.log ?? (() => undefined);
  const client = new SeedingClient(options.gatewayUrl, options.apiKey);
  const until = options.until ?? startOfToday();
  const plan = planDemoMonth({
    seed: options.seed,
    until,
    days: options.days ?? 30,
    perWorkingDay: options.perWorkingDay ?? 24,
    services: await client.services(),
    calendar: options.calendar,
  });
  if (plan.length === 0) {
    throw new Error('the catalog lists none of the demo services: are the adapters running?');
  }
  log(`${plan.length} applications planned up to ${until.toISOString()}`);

  const recorded = await client.recordSubmissions(
    plan.map((application) => ({
      id: application.id,
      serviceCode: application.serviceCode,
      applicant: application.applicant,
      data: application.data,
      submittedAt: application.submittedAt.toISOString(),
    })),
  );
  assertNoneRefused('application', recorded);
  // Statuses, corrections and surveys follow only where the recorded submission is this plan's.
  const ours = plan.filter(
    (application, index) => recorded[index].submittedAt === application.submittedAt.toISOString(),
  );
  log(`${ours.length} applications in the gateway; reporting their statuses on mpp.status`);
  const statusReports = await publishStatusReports(options.producer, ours);

  const deadline = Date.now() + (options.timeoutMs ?? 60_000);
  const resubmissions = await recordOnceApplied(
    'resubmission',
    ours.flatMap((application) =>
      application.resubmissions.map((resubmission) => ({
        applicationId: application.id,
        resubmittedAt: resubmission.at.toISOString(),
        data: resubmission.data,
      })),
    ),
    (batch) => client.recordResubmissions(batch),
    deadline,
  );
  const surveys = await recordOnceApplied(
    'survey',
    ours.flatMap(({ id, survey }) => (survey ? [surveyRecord(id, survey)] : [])),
    (batch) => client.recordSurveys(batch),
    deadline,
  );
  return {
    until: until.toISOString(),
    planned: plan.length,
    applications: countOutcomes(recorded),
    leftAlone: plan.length - ours.length,
    statusReports,
    resubmissions,
    surveys,
  };
}

function surveyRecord(applicationId: string, survey: NonNullable<PlannedApplication['survey']>) {
  return {
    applicationId,
    submittedAt: survey.at.toISOString(),
    answers: survey.answers,
    suggestions: survey.suggestions,
    respondent: survey.respondent,
  };
}

/**
 * Sends records again while the gateway answers `not-yet`: their statuses are still on their way
 * through mpp.status. Anything refused is a mistake in the plan and stops the run.
 */
async function recordOnceApplied<T extends object>(
  what: string,
  records: T[],
  send: (batch: T[]) => Promise<PastRecordResult[]>,
  deadline: number,
): Promise<OutcomeCounts> {
  const settled: PastRecordResult[] = [];
  let pending = records;
  while (pending.length > 0) {
    const results = await send(pending);
    assertNoneRefused(what, results);
    settled.push(...results.filter((result) => result.outcome !== 'not-yet'));
    const waiting = pending.filter((_, index) => results[index].outcome === 'not-yet');
    if (waiting.length > 0 && Date.now() > deadline) {
      throw new Error(
        `${waiting.length} ${what}(s) still wait for their statuses: is the gateway consuming mpp.status?`,
      );
    }
    pending = waiting;
    if (pending.length > 0) await pause(250);
  }
  return countOutcomes(settled);
}

function assertNoneRefused(what: string, results: PastRecordResult[]): void {
  const refused = results.filter((result) => result.outcome === 'refused');
  if (refused.length > 0) {
    const first = refused[0];
    throw new Error(`${refused.length} ${what}(s) refused, e.g. ${first.id}: ${first.reason}`);
  }
}

function countOutcomes(results: PastRecordResult[]): OutcomeCounts {
  const counts: OutcomeCounts = {};
  for (const { outcome } of results) counts[outcome] = (counts[outcome] ?? 0) + 1;
  return counts;
}

function startOfToday(): Date {
  return startOfJakartaDate(jakartaDate(new Date()))!;
}
