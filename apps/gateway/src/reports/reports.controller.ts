import { AccessRoles } from '../access/access-roles';
import { RequireRoles } from '../access/access.decorators';
import { Controller, Get, Param, Query, UseInterceptors } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { IkmReports, ikmReportTable, type IkmReport } from './ikm/ikm-reports';
import {
  overdueTable,
  PerformanceReports,
  performanceReportTable,
  type OverdueReport,
  type PerformanceReport,
} from './performance/performance-reports';
import { ReportDocument, ReportFormatInterceptor } from './report-format.interceptor';
import { reportPeriod } from './report-period';
import { AGENCY_CODE, SERVICE_CODE } from './report-params';
import { ReportFormatQuery, ReportPeriodQuery } from './report-query.dto';
import type { ReportScope } from './report-scope';

const CENTRE: ReportScope = { level: 'centre' };
const agencyScope = (agency: string): ReportScope => ({ level: 'agency', agency });
const serviceScope = (serviceCode: string): ReportScope => ({ level: 'service', serviceCode });

/**
 * The detailed reports, for the centre's staff. Every route lives in this one controller so
 * that access rights can be attached to all of `/v1/reports` at once.
 */
@ApiTags('reports')
@ApiProduces('application/json', 'text/csv')
@UseInterceptors(ReportFormatInterceptor)
@RequireRoles(AccessRoles.ops, AccessRoles.admin)
@Controller('v1/reports')
export class ReportsController {
  constructor(
    private readonly ikm: IkmReports,
    private readonly performance: PerformanceReports,
  ) {}

  @Get('ikm')
  @ApiOperation({ summary: 'IKM of the whole centre, per agency and by respondent profile' })
  centreIkm(@Query() query: ReportPeriodQuery) {
    return this.ikmDocument(CENTRE, query);
  }

  @Get('ikm/agencies/:agency')
  @ApiOperation({ summary: 'IKM of one agency, per service and by respondent profile' })
  agencyIkm(@Param('agency', AGENCY_CODE) agency: string, @Query() query: ReportPeriodQuery) {
    return this.ikmDocument(agencyScope(agency), query);
  }

  @Get('ikm/services/:code')
  @ApiOperation({ summary: 'IKM of one service, by respondent profile' })
  serviceIkm(@Param('code', SERVICE_CODE) code: string, @Query() query: ReportPeriodQuery) {
    return this.ikmDocument(serviceScope(code), query);
  }

  @Get('performance')
  @ApiOperation({ summary: 'Performance of every agency against its service standards' })
  centrePerformance(@Query() query: ReportPeriodQuery) {
    return this.performanceDocument(CENTRE, query);
  }

  @Get('performance/agencies/:agency')
  @ApiOperation({ summary: 'Performance of one agency, per service, with overdue applications' })
  agencyPerformance(
    @Param('agency', AGENCY_CODE) agency: string,
    @Query() query: ReportPeriodQuery,
  ) {
    return this.performanceDocument(agencyScope(agency), query);
  }

  @Get('performance/services/:code')
  @ApiOperation({ summary: 'Performance of one service, with overdue applications' })
  servicePerformance(@Param('code', SERVICE_CODE) code: string, @Query() query: ReportPeriodQuery) {
    return this.performanceDocument(serviceScope(code), query);
  }

  @Get('overdue')
  @ApiOperation({ summary: 'Unfinished applications past their service standard, now' })
  centreOverdue(@Query() _query: ReportFormatQuery) {
    return this.overdueDocument(CENTRE);
  }

  @Get('overdue/agencies/:agency')
  @ApiOperation({ summary: "An agency's unfinished applications past their service standard" })
  agencyOverdue(@Param('agency', AGENCY_CODE) agency: string, @Query() _query: ReportFormatQuery) {
    return this.overdueDocument(agencyScope(agency));
  }

  @Get('overdue/services/:code')
  @ApiOperation({ summary: "A service's unfinished applications past its service standard" })
  serviceOverdue(@Param('code', SERVICE_CODE) code: string, @Query() _query: ReportFormatQuery) {
    return this.overdueDocument(serviceScope(code));
  }

  private async ikmDocument(
    scope: ReportScope,
    query: ReportPeriodQuery,
  ): Promise<ReportDocument<IkmReport>> {
    const period = reportPeriod(query);
    const report = await this.ikm.report(scope, period);
    const filename = ['ikm', scopeSlug(scope), period.from, period.to].join('_');
    return new ReportDocument(report, filename, ikmReportTable);
  }

  private async performanceDocument(
    scope: ReportScope,
    query: ReportPeriodQuery,
  ): Promise<ReportDocument<PerformanceReport>> {
    const period = reportPeriod(query);
    const report = await this.performance.report(scope, period, new Date());
    const filename = ['performance', scopeSlug(scope), period.from, period.to].join('_');
    return new ReportDocument(report, filename, performanceReportTable);
  }

  private async overdueDocument(scope: ReportScope): Promise<ReportDocument<OverdueReport>> {
    const report = await this.performance.overdue(scope, new Date());
    return new ReportDocument(report, `overdue_${scopeSlug(scope)}`, overdueTable);
  }
}

/** Scope codes are checked by the route's pipes, so they are safe in a file name. */
function scopeSlug(scope: ReportScope): string {
  if (scope.level === 'agency') return `agency-${scope.agency}`;
  if (scope.level === 'service') return `service-${scope.serviceCode}`;
  return 'centre';
}
