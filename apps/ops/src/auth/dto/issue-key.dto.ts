import { IsOptional, IsString, MaxLength } from 'class-validator';

export class IssueKeyDto {
  /** What the key is for, e.g. the laptop or script that holds it. */
  @IsOptional()
  @IsString()
  @MaxLength(100)
  label?: string;
}
