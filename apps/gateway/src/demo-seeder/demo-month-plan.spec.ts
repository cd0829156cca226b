import { ApplicationStatus as S, StatusMachine, type ApplicationStatus } from '@mpp/contracts';
import { loadWorkingCalendar, type StandardTime } from '@mpp/working-time';
import { demoApplicationId, jakartaDate, planDemoMonth } from './demo-month-plan';
import { DEMO_SERVICE_PROFILES } from './demo-services';

const calendar = loadWorkingCalendar();
const STANDARDS: Record<string, StandardTime> = {
  'disdukcapil.ktp-el-penggantian': { value: 2, unit: 'working_days' },
  'disdukcapil.kk-perubahan': { value: 1, unit: 'working_days' },
  'disdukcapil.akta-kelahiran': { value: 1, unit: 'working_days' },
  'dpmptsp.nib': { value: 1, unit: 'working_hours' },
  'dpmptsp.pbg': { value: 28, unit: 'working_days' },
  'bpbatam.alokasi-lahan-baru': { value: 28, unit: 'working_days' },
  'bpbatam.perpanjangan-alokasi-lahan': { value: 15, unit: 'working_days' },
};
const services = Object.entries(STANDARDS).map(([code, standardTime]) => ({ code, standardTime }));
// 1 April 2026, 00:00 WIB: March has Nyepi, Idulfitri and their cuti bersama.
const until = new Date('2026-03-31T17:00:00Z');
const options = { seed: 7, until, days: 30, perWorkingDay: 24, services, calendar };

describe('planDemoMonth', () => {
  const plan = planDemoMonth(options);
  const count = (reached: (statuses: ApplicationStatus[]) => boolean) =>
    plan.filter((a) => reached(a.statuses.map((step) => step.status))).length;

  it('plans the same month for the same seed and another for another seed', () => {
    expect(planDemoMonth(options)).toEqual(plan);
    expect(planDemoMonth({ ...options, seed: 8 })).not.toEqual(plan);
    expect(plan[0].id).toBe(demoApplicationId(7, 0));
    expect(plan[0].id).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
  });

  it('covers every service with a profile, busiest on working days', () => {
    expect(new Set(plan.map((a) => a.serviceCode))).toEqual(
      new Set(DEMO_SERVICE_PROFILES.map((profile) => profile.code)),
    );
    expect(plan.length).toBeGreaterThan(300);
    const offDays = plan.filter((a) => !calendar.isWorkingDay(jakartaDate(a.submittedAt)));
    expect(offDays.length).toBeGreaterThan(0);
    expect(offDays.length).toBeLessThan(plan.length * 0.1);
    // Idulfitri 2026 and its cuti bersama: the hall is closed.
    expect(plan.filter((a) => jakartaDate(a.submittedAt) === '2026-03-20').length).toBeLessThan(4);
  });

  it('moves every application only as the state machine allows, in order, before the end', () => {
    for (const application of plan) {
      let current: ApplicationStatus = S.SUBMITTED;
      let previous = application.submittedAt;
      for (const step of application.statuses) {
        expect(StatusMachine.canTransition(current, step.status)).toBe(true);
        expect(step.at.getTime()).toBeGreaterThan(previous.getTime());
        current = step.status;
        previous = step.at;
      }
      expect(previous.getTime()).toBeLessThan(until.getTime());
    }
  });

  it('has agencies act in working time only, after delivery', () => {
    const agencySteps = plan.flatMap((a) => a.statuses.filter((s) => s.status !== S.DELIVERED));
    expect(agencySteps.every((step) => calendar.isWorkingTime(step.at))).toBe(true);
  });

  it('mixes revisions, refusals, withdrawals and unfinished files', () => {
    expect(count((s) => s.includes(S.COMPLETED))).toBeGreaterThan(plan.length / 2);
    expect(count((s) => s.includes(S.NEEDS_REVISION))).toBeGreaterThan(10);
    expect(count((s) => s.includes(S.REJECTED))).toBeGreaterThan(5);
    expect(count((s) => s.includes(S.CANCELLED))).toBeGreaterThan(2);
    expect(count((s) => !StatusMachine.isFinal(s.at(-1)!))).toBeGreaterThan(10);
  });

  it('has corrections answer a revision request, and surveys follow the final status', () => {
    for (const application of plan) {
      for (const resubmission of application.resubmissions) {
        const inForce = application.statuses.findLast((step) => step.at <= resubmission.at);
        expect(inForce?.status).toBe(S.NEEDS_REVISION);
      }
      const final = application.statuses.at(-1);
      if (application.survey) {
        expect(StatusMachine.isFinal(final!.status)).toBe(true);
        expect(application.survey.at.getTime()).toBeGreaterThan(final!.at.getTime());
        expect(application.survey.at.getTime()).toBeLessThan(until.getTime());
      }
    }
    expect(plan.filter((a) => a.survey).length).toBeGreaterThan(150);
  });
});
