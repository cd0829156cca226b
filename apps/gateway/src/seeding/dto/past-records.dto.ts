import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsISO8601,
  IsUUID,
  ValidateNested,
} from 'class-validator';
import { ResubmitApplicationDto } from '../../applications/dto/resubmit-application.dto';
import { SubmitApplicationDto } from '../../applications/dto/submit-application.dto';
import { SubmitSurveyDto } from '../../surveys/dto/submit-survey.dto';

/** Enough for a month of demo data in a few requests, small enough for one transaction. */
export const MAX_PAST_RECORDS = 500;

const MOMENT = { format: 'date-time', example: '2026-03-02T09:15:00+07:00' };

function RecordList(type: () => new () => object): PropertyDecorator {
  return applyDecorators(
    ApiProperty({ type: () => [type()], maxItems: MAX_PAST_RECORDS }),
    IsArray(),
    ArrayMinSize(1),
    ArrayMaxSize(MAX_PAST_RECORDS),
    ValidateNested({ each: true }),
    Type(type),
  );
}

/** A submission as `POST /v1/applications` takes it, with its id and the moment it was made. */
export class PastSubmissionDto extends SubmitApplicationDto {
  @ApiProperty({ description: 'Chosen by the caller, so that sending it again changes nothing' })
  @IsUUID()
  id!: string;

  @ApiProperty({ ...MOMENT, description: 'When the applicant submitted it; not in the future' })
  @IsISO8601({ strict: true })
  submittedAt!: string;
}

export class PastSubmissionsDto {
  @RecordList(() => PastSubmissionDto)
  applications!: PastSubmissionDto[];
}

/** Corrections as `POST /v1/applications/:id/resubmission` takes them, and when they came. */
export class PastResubmissionDto extends ResubmitApplicationDto {
  @ApiProperty()
  @IsUUID()
  applicationId!: string;

  @ApiProperty({ ...MOMENT, description: 'While the application was NEEDS_REVISION' })
  @IsISO8601({ strict: true })
  resubmittedAt!: string;
}

export class PastResubmissionsDto {
  @RecordList(() => PastResubmissionDto)
  resubmissions!: PastResubmissionDto[];
}

/** A survey as `POST /v1/applications/:id/survey` takes it, and when it was given. */
export class PastSurveyDto extends SubmitSurveyDto {
  @ApiProperty()
  @IsUUID()
  applicationId!: string;

  @ApiProperty({ ...MOMENT, description: 'After the application became final' })
  @IsISO8601({ strict: true })
  submittedAt!: string;
}

export class PastSurveysDto {
  @RecordList(() => PastSurveyDto)
  surveys!: PastSurveyDto[];
}
