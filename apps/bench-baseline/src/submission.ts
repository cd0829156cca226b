import { Type } from 'class-transformer';
import {
  IsObject,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';

export class ApplicantDto {
  @Matches(/^\d{16}$/)
  nik!: string;

  @IsString()
  @MaxLength(200)
  name!: string;

  @IsOptional()
  @IsObject()
  contact?: Record<string, string>;
}

/** The same body the gateway takes at `POST /v1/applications`. */
export class SubmissionDto {
  @Matches(/^disdukcapil\.[a-z0-9-]+$/, { message: 'the baseline serves disdukcapil only' })
  serviceCode!: string;

  @ValidateNested()
  @Type(() => ApplicantDto)
  applicant!: ApplicantDto;

  @IsObject()
  data!: Record<string, unknown>;
}

/** What travels on the request topic. */
export interface SubmissionRequest extends SubmissionDto {
  id: string;
}

/** What the responder replies. */
export interface SubmissionReply {
  id: string;
  agencyReference: string;
  status: 'DELIVERED';
}
