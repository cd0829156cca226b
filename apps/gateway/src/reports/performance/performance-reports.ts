import { Injectable } from '@nestjs/common';
import { APPLICATION_STATUSES, type ApplicationStatus } from '@mpp/contracts';
import { WorkingCalendar } from '@mpp/working-time';
import { ServiceCatalog } from '../../catalog/service-catalog';
import type { Language, LocalizedText } from '../../problems/problem';
import type { CsvTable, CsvValue } from '../csv';
import type { ReportPeriod } from '../report-period';
import { CatalogNames, scopeCells, type ReportScope, type ScopeView } from '../report-scope';
import { ApplicationTimelines, type ReachedCount } from './application-timelines';
import {
  assessFinished,
  assessOpen,
  performanceFigures,
  type FinishedAssessment,
  type OpenAssessment,
  type OverdueApplication,
  type PerformanceFigures,
} from './performance-figures';

export interface PerformanceReport {
  scope: ScopeView;
  period: { from: string; to: string };
  /** The moment backlog and overdue applications were judged at. */
  asOf: string;
  total: PerformanceFigures;
  /** In a report of the whole centre. */
  agencies?: (PerformanceFigures & { agency: string; agencyName: string | null })[];
  /** In a report of one agency. */
  services?: (PerformanceFigures & { serviceCode: string; serviceName: LocalizedText | null })[];
  overdueApplications: OverdueApplication[];
}

export interface OverdueReport {
  scope: ScopeView;
  asOf: string;
  applications: OverdueApplication[];
}

interface Assessed {
  reached: ReachedCount[];
  finished: FinishedAssessment[];
  open: OpenAssessment[];
}

/**
 * How agencies perform against their published service standards, from the status history the
 * gateway keeps, in working time of the working calendar.
 */
@Injectable()
export class PerformanceReports {
  private readonly names: CatalogNames;

  constructor(
    private readonly timelines: ApplicationTimelines,
    private readonly catalog: ServiceCatalog,
    private readonly calendar: WorkingCalendar,
  ) {
    this.names = new CatalogNames(catalog);
  }

  async report(scope: ReportScope, period: ReportPeriod, now: Date): Promise<PerformanceReport> {
    const [reached, finished, unfinished] = await Promise.all([
      this.timelines.reachedIn(scope, period),
      this.timelines.finishedIn(scope, period),
      this.timelines.unfinished(scope),
    ]);
    const assessed: Assessed = {
      reached,
      finished: finished.map((application) =>
        assessFinished(
          application,
          this.calendar,
          this.standardOf(application.timeline.serviceCode),
        ),
      ),
      open: unfinished.map((timeline) =>
        assessOpen(timeline, this.calendar, this.standardOf(timeline.serviceCode), now),
      ),
    };
    const report: PerformanceReport = {
      scope: this.names.scopeView(scope),
      period: { from: period.from, to: period.to },
      asOf: now.toISOString(),
      total: figuresOf(assessed, () => true),
      overdueApplications: overdueOf(assessed.open),
    };
    if (scope.level === 'centre') {
      report.agencies = unitsOf(assessed, (unit) => unit.agency).map((agency) => ({
        agency,
        agencyName: this.names.agency(agency),
        ...figuresOf(assessed, (unit) => unit.agency === agency),
      }));
    }
    if (scope.level === 'agency') {
      report.services = unitsOf(assessed, (unit) => unit.serviceCode).map((serviceCode) => ({
        serviceCode,
        serviceName: this.names.service(serviceCode),
        ...figuresOf(assessed, (unit) => unit.serviceCode === serviceCode),
      }));
    }
    return report;
  }

  async overdue(scope: ReportScope, now: Date): Promise<OverdueReport> {
    const unfinished = await this.timelines.unfinished(scope);
    const open = unfinished.map((timeline) =>
      assessOpen(timeline, this.calendar, this.standardOf(timeline.serviceCode), now),
    );
    return {
      scope: this.names.scopeView(scope),
      asOf: now.toISOString(),
      applications: overdueOf(open),
    };
  }

  private standardOf(serviceCode: string) {
    return this.catalog.find(serviceCode)?.descriptor.standardTime;
  }
}

type Unit = { agency: string; serviceCode: string };

function figuresOf(assessed: Assessed, belongs: (unit: Unit) => boolean): PerformanceFigures {
  const reached = new Map<ApplicationStatus, number>();
  for (const count of assessed.reached.filter(belongs)) {
    reached.set(count.status, (reached.get(count.status) ?? 0) + count.applications);
  }
  return performanceFigures(
    reached,
    assessed.finished.filter(belongs),
    assessed.open.filter(belongs),
  );
}

function unitsOf(assessed: Assessed, key: (unit: Unit) => string): string[] {
  const all = [...assessed.reached, ...assessed.finished, ...assessed.open].map(key);
  return [...new Set(all)].sort();
}

/** Most overdue first. */
function overdueOf(open: OpenAssessment[]): OverdueApplication[] {
  return open
    .flatMap((assessment) => (assessment.overdue ? [assessment.overdue] : []))
    .sort((a, b) => b.overdueHours - a.overdueHours || a.dueAt.localeCompare(b.dueAt));
}

const FIGURES_HEADER = [
  ...APPLICATION_STATUSES.map((status) => `reached_${status.toLowerCase()}`),
  'finished',
  'completed',
  'rejected',
  'cancelled',
  'completion_rate',
  'rejection_rate',
  'turnaround_median_hours',
  'turnaround_p90_hours',
  'agency_median_hours',
  'agency_p90_hours',
  'sla_measured',
  'sla_met',
  'sla_compliance',
  'sla_without_standard',
  'backlog',
  'overdue',
  'legacy_availability',
];

function figuresRow(figures: PerformanceFigures): CsvValue[] {
  return [
    ...APPLICATION_STATUSES.map((status) => figures.reached[status]),
    figures.finished.total,
    figures.finished.completed,
    figures.finished.rejected,
    figures.finished.cancelled,
    figures.finished.completionRate,
    figures.finished.rejectionRate,
    figures.turnaroundHours.median,
    figures.turnaroundHours.p90,
    figures.agencyHours.median,
    figures.agencyHours.p90,
    figures.sla.measured,
    figures.sla.met,
    figures.sla.compliance,
    figures.sla.withoutStandard,
    figures.backlog.total,
    figures.overdue,
    figures.legacyAvailability,
  ];
}

/** One row for the scope and one for each agency or service in it. */
export function performanceReportTable(report: PerformanceReport, language: Language): CsvTable {
  const [key, name] = scopeCells(report.scope, language);
  return {
    header: ['group', 'value', 'name', ...FIGURES_HEADER],
    rows: [
      [report.scope.level, key, name, ...figuresRow(report.total)],
      ...(report.agencies ?? []).map((a) => ['agency', a.agency, a.agencyName, ...figuresRow(a)]),
      ...(report.services ?? []).map((s) => [
        'service',
        s.serviceCode,
        s.serviceName?.[language],
        ...figuresRow(s),
      ]),
    ],
  };
}

export function overdueTable(report: OverdueReport): CsvTable {
  return {
    header: [
      'id',
      'tracking_number',
      'service_code',
      'status',
      'submitted_at',
      'due_at',
      'overdue_hours',
    ],
    rows: report.applications.map((a) => [
      a.id,
      a.trackingNumber,
      a.serviceCode,
      a.status,
      a.submittedAt,
      a.dueAt,
      a.overdueHours,
    ]),
  };
}
