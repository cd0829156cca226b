import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayNotEmpty,
  ArrayUnique,
  IsArray,
  IsString,
  Matches,
  MaxLength,
  MinLength,
} from 'class-validator';

const trimmed = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.trim() : value;

/** Replaying or discarding one dead letter: why, which is mandatory. */
export class HandlingReasonDto {
  @Transform(trimmed)
  @IsString()
  @MinLength(3)
  @MaxLength(500)
  reason!: string;
}

export const MAX_SELECTION = 100;

/** Replaying or discarding a selection of dead letters, all or none. */
export class HandleSelectionDto extends HandlingReasonDto {
  @IsArray()
  @ArrayNotEmpty()
  @ArrayMaxSize(MAX_SELECTION)
  @ArrayUnique()
  @IsString({ each: true })
  @Matches(/^\d{1,18}$/, { each: true, message: 'each id must be a dead letter id' })
  ids!: string[];
}
