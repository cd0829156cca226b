import { createHash } from 'node:crypto';
import { ApplicationStatus, StatusMachine, type ServiceDescriptor } from '@mpp/contracts';
import {
  DAY_MS,
  HOUR_MS,
  standardDurationMs,
  WORKING_DAY_MS,
  type Interval,
  type WorkingCalendar,
} from '@mpp/working-time';
import type { RespondentProfileDto } from '../surveys/dto/submit-survey.dto';
import { SKM_ELEMENT_CODES, type SkmAnswers } from '../surveys/skm-elements';
import { demoApplicant, demoRespondent, type DemoApplicant } from './demo-people';
import { DEMO_SERVICE_PROFILES, type DemoServiceProfile } from './demo-services';
import { SeededRandom } from './seeded-random';

const S = ApplicationStatus;
const MINUTE_MS = 60_000;
/**
 * Services with a standard this long are still being decided a month on. They also get the
 * month before, so the month sees some of them finish, as it would at the real centre.
 */
const LONG_STANDARD_MS = 10 * WORKING_DAY_MS;
const WIB_OFFSET_MS = 7 * HOUR_MS;

/** `YYYY-MM-DD` of a moment on the Jakarta calendar (WIB, UTC+07:00 all year). */
export function jakartaDate(at: Date): string {
  return new Date(at.getTime() + WIB_OFFSET_MS).toISOString().slice(0, 10);
}

export interface PlannedStatus {
  status: ApplicationStatus;
  at: Date;
  /** The submission of `data` the agency answers: 2 after the first corrections. */
  revision: number;
  reason?: string;
  agencyReference?: string;
  result?: Record<string, unknown>;
}

export interface PlannedSurvey {
  at: Date;
  answers: SkmAnswers;
  suggestions?: string;
  respondent?: RespondentProfileDto;
}

/** One application of the demo month: its submission and everything that followed by `until`. */
export interface PlannedApplication {
  id: string;
  serviceCode: string;
  applicant: Pick<DemoApplicant, 'nik' | 'name' | 'contact'>;
  data: Record<string, unknown>;
  submittedAt: Date;
  /** What the agency reported after the submission, in order. */
  statuses: PlannedStatus[];
  resubmissions: { at: Date; data: Record<string, unknown> }[];
  survey?: PlannedSurvey;
}

export interface DemoMonthOptions {
  seed: number;
  /** History ends here: nothing is planned at or after it. */
  until: Date;
  days: number;
  /** Submissions on an ordinary working day; days off see the web portal's few. */
  perWorkingDay: number;
  /** The services the catalog lists; those without a demo profile are left out. */
  services: readonly Pick<ServiceDescriptor, 'code' | 'standardTime'>[];
  calendar: WorkingCalendar;
}

const SUGGESTIONS = [
  'Antrean di loket perlu dipercepat.',
  'Petugas ramah dan membantu.',
  'Mohon informasi status dikirim lewat WhatsApp.',
  'Ruang tunggu nyaman, terima kasih.',
  'Persyaratan sebaiknya dijelaskan lebih jelas di situs web.',
];

/** How each element tends to differ from an applicant's overall mood. */
const ELEMENT_BIAS: SkmAnswers = {
  U1: 0,
  U2: 0,
  U3: 0.1,
  U4: 0.3,
  U5: 0.05,
  U6: 0.1,
  U7: 0.15,
  U8: -0.25,
  U9: -0.1,
};

/**
 * A realistic month at the centre, the same for the same seed and end: submissions on working
 * days (a few through the portal on days off), agencies working in working time against their
 * standards, revisions, refusals, withdrawals, stalled files and surveys. Ids depend on the
 * seed and the position only, so a second run names the same applications.
 */
export function planDemoMonth(options: DemoMonthOptions): PlannedApplication[] {
  const random = new SeededRandom(options.seed);
  const services: DemoService[] = options.services.flatMap((descriptor) => {
    const profile = DEMO_SERVICE_PROFILES.find((candidate) => candidate.code === descriptor.code);
    return profile ? [{ profile, standardMs: standardDurationMs(descriptor.standardTime) }] : [];
  });
  if (services.length === 0) return [];
  const longServices = services.filter((service) => service.standardMs >= LONG_STANDARD_MS);
  const planner = new TimelinePlanner(random, options.calendar, options.until);
  const thisYear = Number(jakartaDate(options.until).slice(0, 4));
  const { days } = options;
  const shareOfLong = weightOf(longServices) / weightOf(services);
  const submissions = [
    ...submissionMoments(random, options, [2 * days, days + 1], shareOfLong).map((at) => ({
      at,
      among: longServices,
    })),
    ...submissionMoments(random, options, [days, 1], 1).map((at) => ({ at, among: services })),
  ];

  const applications: PlannedApplication[] = [];
  for (const { at: submittedAt, among } of submissions) {
    const code = random.weighted(
      Object.fromEntries(among.map(({ profile }) => [profile.code, profile.weight])),
    );
    const { profile, standardMs } = among.find((service) => service.profile.code === code)!;
    const applicant = demoApplicant(random, thisYear);
    const data = profile.data(random, applicant);
    const planned: PlannedApplication = {
      id: demoApplicationId(options.seed, applications.length),
      serviceCode: profile.code,
      applicant: { nik: applicant.nik, name: applicant.name, contact: applicant.contact },
      data,
      submittedAt,
      ...planner.timeline(profile, standardMs, { submittedAt, data, year: thisYear }),
    };
    planned.survey = planner.survey(profile, standardMs, planned, applicant, thisYear);
    applications.push(planned);
  }
  return applications;
}

interface DemoService {
  profile: DemoServiceProfile;
  standardMs: number;
}

function weightOf(services: DemoService[]): number {
  return services.reduce((sum, service) => sum + service.profile.weight, 0);
}

/** A name-based UUID (version 5 layout) of the seed and position. */
export function demoApplicationId(seed: number, index: number): string {
  const bytes = createHash('sha1').update(`mpp-demo-month:${seed}:${index}`).digest();
  bytes[6] = (bytes[6] & 0x0f) | 0x50;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * Submission moments, day by day from `back[0]` days before the end to `back[1]`: the hall's
 * hours on working days, the portal's few on the rest; `scale` of an ordinary day's number.
 */
function submissionMoments(
  random: SeededRandom,
  options: DemoMonthOptions,
  [first, last]: [number, number],
  scale: number,
): Date[] {
  const moments: Date[] = [];
  for (let back = first; back >= last; back--) {
    const dayStart = options.until.getTime() - back * DAY_MS;
    const date = jakartaDate(new Date(dayStart));
    const weekday = new Date(date).getUTCDay();
    const working = options.calendar.isWorkingDay(date);
    const usual = options.perWorkingDay * scale * (weekday === 1 ? 1.2 : weekday === 5 ? 0.85 : 1);
    const count = working
      ? Math.max(0, Math.round(random.normal(usual, Math.sqrt(usual))))
      : random.integer(0, Math.ceil(usual * 0.1));
    const day: number[] = [];
    for (let i = 0; i < count; i++) {
      const [from, to] = working && random.chance(0.85) ? [8, 16] : [7, 22];
      day.push(dayStart + random.between(from, to) * HOUR_MS);
    }
    moments.push(...day.sort((a, b) => a - b).map((at) => new Date(at)));
  }
  return moments;
}

class TimelinePlanner {
  constructor(
    private readonly random: SeededRandom,
    private readonly calendar: WorkingCalendar,
    private readonly until: Date,
  ) {}

  timeline(
    profile: DemoServiceProfile,
    standardMs: number,
    { submittedAt, data, year }: { submittedAt: Date; data: Record<string, unknown>; year: number },
  ): Pick<PlannedApplication, 'statuses' | 'resubmissions'> {
    const { random } = this;
    const statuses: PlannedStatus[] = [];
    const resubmissions: PlannedApplication['resubmissions'] = [];
    let revision = 1;
    const report = (status: ApplicationStatus, at: Date, extra: Partial<PlannedStatus> = {}) =>
      statuses.push({ status, at, revision, ...extra });

    const deliveredAt = new Date(submittedAt.getTime() + random.between(20, 240) * 1000);
    report(S.DELIVERED, deliveredAt, {
      agencyReference: `${profile.referencePrefix}-${year}-${random.digits(6)}`,
    });
    let clock = this.work(deliveredAt, standardMs * random.between(0.02, 0.1));
    report(S.IN_PROCESS, clock);
    let remainingMs = random.chance(profile.stallRate)
      ? standardMs * random.between(3, 6)
      : standardMs * random.logNormal(profile.pace.median, profile.pace.spread);

    if (random.chance(profile.revisionRate)) {
      const spentMs = remainingMs * random.between(0.2, 0.6);
      remainingMs -= spentMs;
      clock = this.work(clock, spentMs);
      report(S.NEEDS_REVISION, clock, { reason: random.pick(profile.revisionReasons) });
      // Some applicants never send their corrections.
      if (random.chance(0.12)) return this.cut({ statuses, resubmissions });
      const correctedAt = new Date(clock.getTime() + random.between(2, 96) * HOUR_MS);
      // The corrections are in the documents; the form's data stays as it was.
      resubmissions.push({ at: correctedAt, data });
      revision = 2;
      clock = this.work(correctedAt, random.between(15, 180) * MINUTE_MS);
      report(S.IN_PROCESS, clock);
    }

    const decidedAt = this.work(clock, remainingMs);
    if (random.chance(profile.rejectionRate)) {
      report(S.REJECTED, decidedAt, { reason: random.pick(profile.rejectionReasons) });
    } else {
      report(S.APPROVED, decidedAt);
      const issuingMs = Math.min(random.between(10, 90) * MINUTE_MS, standardMs * 0.1);
      report(S.COMPLETED, this.work(decidedAt, issuingMs), {
        result: profile.result(random, year),
      });
    }
    const plan = { statuses, resubmissions };
    if (random.chance(profile.cancellationRate)) this.withdraw(plan, submittedAt);
    return this.cut(plan);
  }

  survey(
    profile: DemoServiceProfile,
    standardMs: number,
    application: PlannedApplication,
    applicant: DemoApplicant,
    year: number,
  ): PlannedSurvey | undefined {
    const { random } = this;
    const final = application.statuses.at(-1);
    if (!final || !StatusMachine.isFinal(final.status)) return undefined;
    const responseRate = { COMPLETED: 0.7, REJECTED: 0.45, CANCELLED: 0.15 }[
      final.status as 'COMPLETED' | 'REJECTED' | 'CANCELLED'
    ];
    if (!random.chance(responseRate)) return undefined;
    const at = new Date(final.at.getTime() + random.between(5, 30 * 60) * MINUTE_MS);
    if (at >= this.until) return undefined;

    const agencyMs = this.calendar.workingTimeBetween(
      application.submittedAt,
      final.at,
      waitsOf(application),
    );
    const revised = application.resubmissions.length > 0;
    const mood =
      profile.satisfaction -
      (final.status === S.REJECTED ? 0.5 : final.status === S.CANCELLED ? 0.25 : 0);
    const answers = Object.fromEntries(
      SKM_ELEMENT_CODES.map((code) => {
        let mean = mood + ELEMENT_BIAS[code];
        if (code === 'U3' && agencyMs > standardMs) mean -= 0.9;
        if (code === 'U1' && revised) mean -= 0.3;
        return [code, Math.min(4, Math.max(1, Math.round(random.normal(mean, 0.45))))];
      }),
    ) as SkmAnswers;
    return {
      at,
      answers,
      suggestions: random.chance(0.15) ? random.pick(SUGGESTIONS) : undefined,
      respondent: demoRespondent(random, applicant, year),
    };
  }

  /** The applicant withdraws before the agency decides; too late, and nothing changes. */
  private withdraw(
    plan: Pick<PlannedApplication, 'statuses' | 'resubmissions'>,
    submittedAt: Date,
  ) {
    const { random } = this;
    const askedAt = new Date(submittedAt.getTime() + random.between(1, 72) * HOUR_MS);
    const before = plan.statuses.filter((step) => step.at < askedAt);
    const last = before.at(-1)!;
    if (!StatusMachine.canTransition(last.status, S.CANCELLED)) return;
    const confirmedAt = this.work(askedAt, random.between(10, 120) * MINUTE_MS);
    plan.statuses = [...before, { status: S.CANCELLED, at: confirmedAt, revision: last.revision }];
    plan.resubmissions = plan.resubmissions.filter((resubmission) => resubmission.at < askedAt);
  }

  /** Only what happened before `until`. */
  private cut(plan: Pick<PlannedApplication, 'statuses' | 'resubmissions'>) {
    const past = (at: Date) => at < this.until;
    const firstFuture = plan.statuses.findIndex((step) => !past(step.at));
    return {
      statuses: firstFuture < 0 ? plan.statuses : plan.statuses.slice(0, firstFuture),
      resubmissions: plan.resubmissions.filter((resubmission) => past(resubmission.at)),
    };
  }

  private work(from: Date, durationMs: number): Date {
    return this.calendar.addWorkingTime(from, Math.max(durationMs, MINUTE_MS));
  }
}

/** The time an application waited on its applicant: from each revision request to the answer. */
function waitsOf(application: PlannedApplication): Interval[] {
  return application.statuses.flatMap((step) => {
    if (step.status !== S.NEEDS_REVISION) return [];
    const answer = application.resubmissions.find((resubmission) => resubmission.at > step.at);
    return answer ? [{ start: step.at, end: answer.at }] : [];
  });
}
