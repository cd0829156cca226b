import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post, Req } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Request } from 'express';
import { requestOrigin } from '../applications/request-origin';
import { Problems } from '../problems/problem';
import { SubmitSurveyDto } from './dto/submit-survey.dto';
import { SubmitSurvey, type SurveyReceipt } from './submit-survey.use-case';

const APPLICATION_ID = new ParseUUIDPipe({
  exceptionFactory: () =>
    Problems.validation([{ field: 'id', code: 'isUuid', message: 'id must be a UUID' }]),
});

@ApiTags('surveys')
@Controller('v1/applications')
export class SurveysController {
  constructor(private readonly submitSurvey: SubmitSurvey) {}

  @Post(':id/survey')
  @HttpCode(201)
  @ApiOperation({
    summary: 'The applicant rates the service (Survei Kepuasan Masyarakat, PermenPANRB 14/2017)',
    description:
      'Nine elements U1..U9, each 1-4, optional suggestions and an optional respondent profile. ' +
      'Accepted once per application, after it is COMPLETED, REJECTED or CANCELLED.',
  })
  @ApiCreatedResponse({ description: 'Recorded' })
  @ApiBadRequestResponse({ description: 'Malformed id or invalid answers (field errors)' })
  @ApiNotFoundResponse({ description: 'No such application' })
  @ApiConflictResponse({
    description:
      '/problems/survey-not-allowed: the application is not final yet; ' +
      '/problems/survey-already-submitted: it was already rated',
  })
  async submit(
    @Param('id', APPLICATION_ID) id: string,
    @Body() body: SubmitSurveyDto,
    @Req() request: Request,
  ): Promise<SurveyReceipt> {
    return this.submitSurvey.execute({
      applicationId: id,
      body,
      clientId: requestOrigin(request).clientId,
    });
  }
}
