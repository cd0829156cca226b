import { Public } from '@mpp/observability';
import { Controller, Get, Query, UseInterceptors } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { IkmReports, publicIkmTable, type PublicIkmSummary } from './ikm/ikm-reports';
import { ReportDocument, ReportFormatInterceptor } from './report-format.interceptor';
import { reportPeriod } from './report-period';
import { ReportPeriodQuery } from './report-query.dto';

/** What the centre publishes to everyone; outside /v1/reports and its access rights. */
@ApiTags('public')
@ApiProduces('application/json', 'text/csv')
@UseInterceptors(ReportFormatInterceptor)
@Public()
@Controller('v1/public')
export class PublicReportsController {
  constructor(private readonly ikm: IkmReports) {}

  @Get('ikm')
  @ApiOperation({
    summary: 'Indeks Kepuasan Masyarakat of each agency over a period (PermenPANRB 14/2017)',
  })
  async ikmSummary(@Query() query: ReportPeriodQuery): Promise<ReportDocument<PublicIkmSummary>> {
    const period = reportPeriod(query);
    const summary = await this.ikm.publicSummary(period);
    return new ReportDocument(summary, `ikm_${period.from}_${period.to}`, publicIkmTable);
  }
}
