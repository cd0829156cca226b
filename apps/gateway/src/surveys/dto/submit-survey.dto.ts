import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { profileValues, type ProfileField } from '../respondent-profile';
import { SKM_ELEMENTS, SKM_MAX_SCORE, SKM_MIN_SCORE, type SkmElementCode } from '../skm-elements';

function SkmScore(code: SkmElementCode): PropertyDecorator {
  const element = SKM_ELEMENTS.find((candidate) => candidate.code === code)!;
  return applyDecorators(
    ApiProperty({
      description: `${element.name.id} (${element.name.en}): 1 tidak baik ... 4 sangat baik`,
      minimum: SKM_MIN_SCORE,
      maximum: SKM_MAX_SCORE,
      example: 4,
    }),
    IsInt(),
    Min(SKM_MIN_SCORE),
    Max(SKM_MAX_SCORE),
  );
}

function ProfileChoice(field: ProfileField): PropertyDecorator {
  const values = profileValues(field);
  return applyDecorators(
    ApiPropertyOptional({ enum: values }),
    IsOptional(),
    IsIn(values, { message: `${field} must be one of ${values.join(', ')}` }),
  );
}

/** The nine SKM elements of PermenPANRB 14/2017, each answered 1-4. */
export class SkmAnswersDto {
  @SkmScore('U1') U1!: number;
  @SkmScore('U2') U2!: number;
  @SkmScore('U3') U3!: number;
  @SkmScore('U4') U4!: number;
  @SkmScore('U5') U5!: number;
  @SkmScore('U6') U6!: number;
  @SkmScore('U7') U7!: number;
  @SkmScore('U8') U8!: number;
  @SkmScore('U9') U9!: number;
}

/** Optional respondent profile, from the questionnaire's fixed lists. */
export class RespondentProfileDto {
  @ProfileChoice('ageBand') ageBand?: string;
  @ProfileChoice('sex') sex?: string;
  @ProfileChoice('education') education?: string;
  @ProfileChoice('occupation') occupation?: string;
}

export class SubmitSurveyDto {
  @ApiProperty({ type: SkmAnswersDto })
  @IsObject()
  @ValidateNested()
  @Type(() => SkmAnswersDto)
  answers!: SkmAnswersDto;

  @ApiPropertyOptional({ maxLength: 2000, example: 'Antrean di loket perlu dipercepat.' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  suggestions?: string;

  @ApiPropertyOptional({ type: RespondentProfileDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => RespondentProfileDto)
  respondent?: RespondentProfileDto;
}
