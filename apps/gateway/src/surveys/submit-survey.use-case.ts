import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { StatusMachine, type ApplicationStatus } from '@mpp/contracts';
import { DataSource } from 'typeorm';
import { Problems } from '../problems/problem';
import type { SubmitSurveyDto } from './dto/submit-survey.dto';
import { insertSurveyResponse } from './survey-responses';

export interface SubmitSurveyCommand {
  applicationId: string;
  body: SubmitSurveyDto;
  clientId: string;
}

export interface SurveyReceipt {
  applicationId: string;
  submittedAt: string;
}

/**
 * Records the applicant's satisfaction survey: once per application, and only after the
 * application reached a final status. A final status never changes, so checking it before the
 * insert cannot race; the primary key keeps a second survey out even when two arrive together.
 */
@Injectable()
export class SubmitSurvey {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async execute({ applicationId, body, clientId }: SubmitSurveyCommand): Promise<SurveyReceipt> {
    const found: { status: ApplicationStatus }[] = await this.db.query(
      `SELECT status FROM application WHERE id = $1`,
      [applicationId],
    );
    if (found.length === 0) throw Problems.applicationNotFound();
    if (!StatusMachine.isFinal(found[0].status)) throw Problems.surveyNotAllowed(found[0].status);

    const submittedAt = new Date();
    const inserted = await insertSurveyResponse(this.db, {
      applicationId,
      body,
      clientId,
      submittedAt,
    });
    if (!inserted) throw Problems.surveyAlreadySubmitted();
    return { applicationId, submittedAt: submittedAt.toISOString() };
  }
}
