import { Controller, Get, Param, Query } from '@nestjs/common';
import { Problems } from '../problems/problem';
import { uuidParam } from '../validation/uuid-param';
import { FlowSearchQuery } from './dto/flow-search.query';
import { FlowRecordStore } from './flow-record.store';
import { FlowSearch } from './flow-search';
import { buildTimeline } from './timeline';

@Controller('v1')
export class FlowsController {
  constructor(
    private readonly search: FlowSearch,
    private readonly store: FlowRecordStore,
  ) {}

  /** Flow records by agency, service, hop, outcome and time, newest first. */
  @Get('flows')
  flows(@Query() query: FlowSearchQuery) {
    return this.search.page(query);
  }

  /** Every hop of one application in time order, with each hop's latency. */
  @Get('applications/:applicationId/timeline')
  async timeline(@Param('applicationId', uuidParam('applicationId')) applicationId: string) {
    const timeline = buildTimeline(applicationId, await this.store.ofApplication(applicationId));
    if (!timeline) throw Problems.notFound({ id: 'Alur permohonan', en: 'Application flow' });
    return timeline;
  }
}
