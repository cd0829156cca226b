import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { FINAL_STATUSES, StatusMachine } from '@mpp/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import type { RequestOrigin } from '../applications/request-origin';
import { insertSurveyResponse } from '../surveys/survey-responses';
import type { PastSurveyDto } from './dto/past-records.dto';
import { lockOwnApplication, recordInOrder, type PastRecordResult } from './past-records';
import { StatusHistory } from './status-history';

/** Records satisfaction surveys given in the past, each after its application became final. */
@Injectable()
export class RecordPastSurveys {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async execute(surveys: PastSurveyDto[], origin: RequestOrigin): Promise<PastRecordResult[]> {
    return recordInOrder(
      this.db,
      surveys,
      (survey, i) => ({ field: `surveys[${i}].submittedAt`, at: survey.submittedAt }),
      (tx, survey) => this.record(tx, survey, origin),
    );
  }

  private async record(
    tx: EntityManager,
    survey: PastSurveyDto,
    origin: RequestOrigin,
  ): Promise<PastRecordResult> {
    const { applicationId: id } = survey;
    const submittedAt = new Date(survey.submittedAt);
    const application = await lockOwnApplication(tx, id, origin);
    if (!StatusMachine.isFinal(application.status)) {
      return { id, outcome: 'not-yet', reason: `the application is ${application.status}` };
    }
    const final = (await StatusHistory.of(tx, id)).lastOf(FINAL_STATUSES);
    if (final && submittedAt < final.at) {
      return { id, outcome: 'refused', reason: `given before the application was ${final.status}` };
    }
    const body = {
      answers: survey.answers,
      suggestions: survey.suggestions,
      respondent: survey.respondent,
    };
    const recorded = await insertSurveyResponse(tx, {
      applicationId: id,
      body,
      clientId: origin.clientId,
      submittedAt,
    });
    return { id, outcome: recorded ? 'recorded' : 'already-recorded' };
  }
}
