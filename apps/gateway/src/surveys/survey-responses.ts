import type { EntityManager } from 'typeorm';
import type { SubmitSurveyDto } from './dto/submit-survey.dto';
import { SKM_ELEMENT_CODES } from './skm-elements';

export interface SurveyResponse {
  applicationId: string;
  body: SubmitSurveyDto;
  clientId: string;
  submittedAt: Date;
}

/** Stores a survey unless its application has one already; false when it had. */
export async function insertSurveyResponse(
  db: Pick<EntityManager, 'query'>,
  { applicationId, body, clientId, submittedAt }: SurveyResponse,
): Promise<boolean> {
  const respondent = body.respondent ?? {};
  const inserted: unknown[] = await db.query(
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
  return inserted.length > 0;
}
