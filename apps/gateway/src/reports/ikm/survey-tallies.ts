import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { ProfileField } from '../../surveys/respondent-profile';
import { SKM_ELEMENT_CODES } from '../../surveys/skm-elements';
import type { ReportPeriod } from '../report-period';
import { scopeParameters, type ReportScope } from '../report-scope';
import type { SkmTally } from './satisfaction-index';

/** What survey answers are grouped by: all of them, their agency or service, or a profile field. */
export type SurveyDimension = 'total' | 'agency' | 'service' | ProfileField;

export interface DimensionTally {
  dimension: SurveyDimension;
  /** The agency, service code or profile value; null for the total and for an unanswered field. */
  value: string | null;
  tally: SkmTally;
}

const DIMENSION_COLUMNS: Record<SurveyDimension, string> = {
  total: 'NULL::text',
  agency: 'a.agency',
  service: 'a.service_code',
  ageBand: 's.age_band',
  sex: 's.sex',
  education: 's.education',
  occupation: 's.occupation',
};

type TallyRow = { dimension: SurveyDimension; value: string | null; respondents: number } & Record<
  string,
  number
>;

/** Sums the survey answers of a scope and period, in one pass, for each dimension asked for. */
@Injectable()
export class SurveyTallies {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async collect(
    scope: ReportScope,
    period: ReportPeriod,
    dimensions: readonly SurveyDimension[],
  ): Promise<DimensionTally[]> {
    const groups = dimensions
      .map((dimension) => `('${dimension}', ${DIMENSION_COLUMNS[dimension]})`)
      .join(', ');
    const sums = SKM_ELEMENT_CODES.map(
      (code) => `sum(s.${code.toLowerCase()})::int AS ${code.toLowerCase()}`,
    ).join(', ');
    const rows: TallyRow[] = await this.db.query(
      `SELECT g.dimension, g.value, count(*)::int AS respondents, ${sums}
         FROM survey_response s
         JOIN application a ON a.id = s.application_id
        CROSS JOIN LATERAL (VALUES ${groups}) AS g (dimension, value)
        WHERE s.submitted_at >= $1 AND s.submitted_at < $2
          AND ($3::text IS NULL OR a.agency = $3)
          AND ($4::text IS NULL OR a.service_code = $4)
        GROUP BY g.dimension, g.value`,
      [period.start, period.end, ...scopeParameters(scope)],
    );
    return rows.map((row) => ({
      dimension: row.dimension,
      value: row.value,
      tally: {
        respondents: row.respondents,
        sums: Object.fromEntries(
          SKM_ELEMENT_CODES.map((code) => [code, row[code.toLowerCase()]]),
        ) as SkmTally['sums'],
      },
    }));
  }
}
