import { Injectable } from '@nestjs/common';
import { ServiceCatalog } from '../../catalog/service-catalog';
import type { Language, LocalizedText } from '../../problems/problem';
import {
  PROFILE_FIELDS,
  profileLabel,
  profileValues,
  type ProfileField,
} from '../../surveys/respondent-profile';
import { SKM_ELEMENT_CODES } from '../../surveys/skm-elements';
import type { CsvTable, CsvValue } from '../csv';
import type { ReportPeriod } from '../report-period';
import { CatalogNames, scopeCells, type ReportScope, type ScopeView } from '../report-scope';
import { emptyTally, satisfactionIndex, type IkmResult } from './satisfaction-index';
import { SurveyTallies, type DimensionTally, type SurveyDimension } from './survey-tallies';

export interface AgencyIkm extends IkmResult {
  agency: string;
  agencyName: string | null;
}

export interface ServiceIkm extends IkmResult {
  serviceCode: string;
  serviceName: LocalizedText | null;
}

export interface ProfileGroupIkm extends IkmResult {
  /** The profile value; null for respondents who left the field empty. */
  value: string | null;
  label: LocalizedText | null;
}

export interface IkmReport {
  scope: ScopeView;
  period: { from: string; to: string };
  total: IkmResult;
  /** In a report of the whole centre. */
  agencies?: AgencyIkm[];
  /** In a report of one agency. */
  services?: ServiceIkm[];
  byProfile: Record<ProfileField, ProfileGroupIkm[]>;
}

type IkmSummary = Pick<
  IkmResult,
  'respondents' | 'ikm' | 'convertedScore' | 'category' | 'categoryName'
>;

/** What the centre publishes, as PermenPANRB 14/2017 requires: the index of each agency. */
export interface PublicIkmSummary {
  period: { from: string; to: string };
  centre: IkmSummary;
  agencies: (IkmSummary & { agency: string; agencyName: string | null })[];
}

/** Indeks Kepuasan Masyarakat of the centre, an agency or a service, by survey time. */
@Injectable()
export class IkmReports {
  private readonly names: CatalogNames;

  constructor(
    private readonly tallies: SurveyTallies,
    catalog: ServiceCatalog,
  ) {
    this.names = new CatalogNames(catalog);
  }

  async report(scope: ReportScope, period: ReportPeriod): Promise<IkmReport> {
    const unit = unitDimension(scope);
    const tallies = await this.tallies.collect(scope, period, [
      'total',
      ...(unit ? [unit] : []),
      ...PROFILE_FIELDS,
    ]);
    const report: IkmReport = {
      scope: this.names.scopeView(scope),
      period: { from: period.from, to: period.to },
      total: totalOf(tallies),
      byProfile: Object.fromEntries(
        PROFILE_FIELDS.map((field) => [field, profileGroups(field, tallies)]),
      ) as IkmReport['byProfile'],
    };
    if (unit === 'agency') {
      report.agencies = valuesOf('agency', tallies).map(({ value, result }) => ({
        agency: value,
        agencyName: this.names.agency(value),
        ...result,
      }));
    }
    if (unit === 'service') {
      report.services = valuesOf('service', tallies).map(({ value, result }) => ({
        serviceCode: value,
        serviceName: this.names.service(value),
        ...result,
      }));
    }
    return report;
  }

  async publicSummary(period: ReportPeriod): Promise<PublicIkmSummary> {
    const tallies = await this.tallies.collect({ level: 'centre' }, period, ['total', 'agency']);
    return {
      period: { from: period.from, to: period.to },
      centre: summary(totalOf(tallies)),
      agencies: valuesOf('agency', tallies).map(({ value, result }) => ({
        agency: value,
        agencyName: this.names.agency(value),
        ...summary(result),
      })),
    };
  }
}

const RESULT_HEADER = [
  'respondents',
  ...SKM_ELEMENT_CODES.map((code) => `nrr_${code.toLowerCase()}`),
  'ikm',
  'converted_score',
  'category',
  'category_name',
];

/** One row per group: the total, each agency or service, each profile value. */
export function ikmReportTable(report: IkmReport, language: Language): CsvTable {
  const [scopeKey, scopeName] = scopeCells(report.scope, language);
  const row = (group: string, value: CsvValue, name: CsvValue, result: IkmResult) => [
    group,
    value,
    name,
    result.respondents,
    ...result.elements.map((element) => element.nrr),
    result.ikm,
    result.convertedScore,
    result.category,
    result.categoryName?.[language],
  ];
  return {
    header: ['group', 'value', 'name', ...RESULT_HEADER],
    rows: [
      row(report.scope.level, scopeKey, scopeName, report.total),
      ...(report.agencies ?? []).map((a) => row('agency', a.agency, a.agencyName, a)),
      ...(report.services ?? []).map((s) =>
        row('service', s.serviceCode, s.serviceName?.[language], s),
      ),
      ...PROFILE_FIELDS.flatMap((field) =>
        report.byProfile[field].map((group) =>
          row(field, group.value, group.label?.[language], group),
        ),
      ),
    ],
  };
}

export function publicIkmTable(summary: PublicIkmSummary, language: Language): CsvTable {
  const row = (group: string, agency: CsvValue, name: CsvValue, result: IkmSummary) => [
    group,
    agency,
    name,
    result.respondents,
    result.ikm,
    result.convertedScore,
    result.category,
    result.categoryName?.[language],
  ];
  return {
    header: [
      'group',
      'value',
      'name',
      'respondents',
      'ikm',
      'converted_score',
      'category',
      'category_name',
    ],
    rows: [
      row('centre', null, null, summary.centre),
      ...summary.agencies.map((a) => row('agency', a.agency, a.agencyName, a)),
    ],
  };
}

function unitDimension(scope: ReportScope): SurveyDimension | undefined {
  if (scope.level === 'centre') return 'agency';
  if (scope.level === 'agency') return 'service';
  return undefined;
}

function totalOf(tallies: DimensionTally[]): IkmResult {
  const total = tallies.find((entry) => entry.dimension === 'total');
  return satisfactionIndex(total?.tally ?? emptyTally());
}

/** The groups of a dimension that have a value, in code order. */
function valuesOf(dimension: SurveyDimension, tallies: DimensionTally[]) {
  return tallies
    .filter((entry) => entry.dimension === dimension && entry.value !== null)
    .map((entry) => ({ value: entry.value!, result: satisfactionIndex(entry.tally) }))
    .sort((a, b) => a.value.localeCompare(b.value));
}

/** The groups of a profile field in the questionnaire's order, unanswered last. */
function profileGroups(field: ProfileField, tallies: DimensionTally[]): ProfileGroupIkm[] {
  const order = [...profileValues(field), null];
  return tallies
    .filter((entry) => entry.dimension === field)
    .sort((a, b) => order.indexOf(a.value) - order.indexOf(b.value))
    .map((entry) => ({
      value: entry.value,
      label: entry.value === null ? null : (profileLabel(field, entry.value) ?? null),
      ...satisfactionIndex(entry.tally),
    }));
}

function summary(result: IkmResult): IkmSummary {
  const { respondents, ikm, convertedScore, category, categoryName } = result;
  return { respondents, ikm, convertedScore, category, categoryName };
}
