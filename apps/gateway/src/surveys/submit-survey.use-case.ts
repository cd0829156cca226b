import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { StatusMachine, type ApplicationStatus } from '@mpp/contracts';
import { DataSource } from 'typeorm';
import { Problems } from '../problems/problem';
import type { SubmitSurveyDto } from './dto/submit-survey.dto';
import { SKM_ELEMENT_CODES } from './skm-elements';

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
    const respondent = body.respondent ?? {};
    const inserted: unknown[] = await this.db.query(
      `INSERT INTO survey_response (application_id, u1, u2, u3, u4, u5, u6, u7, u8, u9,
         suggestions, age_band, sex, education, occupation, client_id, submitted_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)
       ON CONFLICT (application_id) DO NOTHING
       RETURNING application_id`,
      [
        applicationId,
        ...SKM_ELEMENT_CODES.map((code) => body.answers[code]),
        body.suggestions?.trim() || null,
        respondent.ageBand ?? null,
        respondent.sex ?? null,
        respondent.education ?? null,
        respondent.occupation ?? null,
        clientId,
        submittedAt,
      ],
    );
    if (inserted.length === 0) throw Problems.surveyAlreadySubmitted();
    return { applicationId, submittedAt: submittedAt.toISOString() };
  }
}
