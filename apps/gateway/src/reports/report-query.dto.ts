import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
export const REPORT_FORMATS = ['json', 'csv'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export class ReportFormatQuery {
  @ApiPropertyOptional({
    enum: REPORT_FORMATS,
    description: 'csv for a CSV download; `Accept: text/csv` does the same',
  })
  @IsOptional()
  @IsIn(REPORT_FORMATS)
  format?: ReportFormat;
}

/** A reporting period: whole days on the Jakarta calendar, both ends included. */
export class ReportPeriodQuery extends ReportFormatQuery {
  @ApiProperty({ example: '2026-03-01', description: 'first day (Asia/Jakarta), YYYY-MM-DD' })
  @Matches(DATE, { message: 'from must be a date as YYYY-MM-DD' })
  from!: string;

  @ApiProperty({ example: '2026-03-31', description: 'last day, included (Asia/Jakarta)' })
  @Matches(DATE, { message: 'to must be a date as YYYY-MM-DD' })
  to!: string;
}
