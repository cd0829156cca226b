import { Controller, Get, Param, Query } from '@nestjs/common';
import { Matches } from 'class-validator';
import { Problems } from '../problems/problem';
import { GatewayReports } from './gateway-reports';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const AGENCY = /^[a-z][a-z0-9-]{1,30}$/;

export class ReportPeriodQuery {
  /** First day, YYYY-MM-DD (Asia/Jakarta). */
  @Matches(DATE, { message: 'from must be a date as YYYY-MM-DD' })
  from!: string;

  /** Last day, included. */
  @Matches(DATE, { message: 'to must be a date as YYYY-MM-DD' })
  to!: string;
}

/**
 * The gateway's reports for the reports page, read with the ops app's own gateway key: a
 * signed-in operator never holds a gateway key in the browser. Read-only, and only these.
 */
@Controller('v1/reports')
export class ReportsController {
  constructor(private readonly gateway: GatewayReports) {}

  /** IKM of the centre and of each agency. */
  @Get('ikm')
  ikm(@Query() { from, to }: ReportPeriodQuery) {
    return this.gateway.get('reports/ikm', { from, to });
  }

  /** Performance of each agency against its service standards. */
  @Get('performance')
  performance(@Query() { from, to }: ReportPeriodQuery) {
    return this.gateway.get('reports/performance', { from, to });
  }

  /** Performance of one agency's services. */
  @Get('performance/agencies/:agency')
  agencyPerformance(@Param('agency') agency: string, @Query() { from, to }: ReportPeriodQuery) {
    if (!AGENCY.test(agency)) {
      throw Problems.invalidField('agency', 'isAgencyCode', 'agency must be an agency code');
    }
    return this.gateway.get(`reports/performance/agencies/${agency}`, { from, to });
  }

  /** The services with their published standards. */
  @Get('services')
  services() {
    return this.gateway.get('services', {});
  }
}
