import { Body, Controller, HttpCode, Post, Req } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { requestOrigin } from '../applications/request-origin';
import { PastResubmissionsDto, PastSubmissionsDto, PastSurveysDto } from './dto/past-records.dto';
import { RecordPastResubmissions } from './record-past-resubmissions.use-case';
import { RecordPastSubmissions } from './record-past-submissions.use-case';
import { RecordPastSurveys } from './record-past-surveys.use-case';

const RESULTS = {
  description:
    'One result per record, in order: `recorded`, `already-recorded`, `not-yet` (the status ' +
    'history it needs has not arrived on mpp.status yet: send it again later) or `refused`',
};

/**
 * Demo data at moments in the past, which the real endpoints cannot place because they stamp
 * the time of the request. Mounted only with GATEWAY_SEEDING_ENABLED (development); each route
 * takes what its real counterpart takes, plus the moment, and checks it the same way.
 */
@ApiTags('seeding (development only)')
@Controller('v1/seeding')
export class SeedingController {
  constructor(
    private readonly submissions: RecordPastSubmissions,
    private readonly resubmissions: RecordPastResubmissions,
    private readonly surveys: RecordPastSurveys,
  ) {}

  @Post('applications')
  @HttpCode(200)
  @ApiOperation({ summary: 'Applications submitted in the past, as POST /v1/applications' })
  @ApiOkResponse(RESULTS)
  async recordSubmissions(@Body() body: PastSubmissionsDto, @Req() request: Request) {
    return { results: await this.submissions.execute(body.applications, requestOrigin(request)) };
  }

  @Post('resubmissions')
  @HttpCode(200)
  @ApiOperation({ summary: 'Corrections sent in the past, as POST …/resubmission' })
  @ApiOkResponse(RESULTS)
  async recordResubmissions(@Body() body: PastResubmissionsDto, @Req() request: Request) {
    return {
      results: await this.resubmissions.execute(body.resubmissions, requestOrigin(request)),
    };
  }

  @Post('surveys')
  @HttpCode(200)
  @ApiOperation({ summary: 'Surveys given in the past, as POST …/survey' })
  @ApiOkResponse(RESULTS)
  async recordSurveys(@Body() body: PastSurveysDto, @Req() request: Request) {
    return { results: await this.surveys.execute(body.surveys, requestOrigin(request)) };
  }
}
