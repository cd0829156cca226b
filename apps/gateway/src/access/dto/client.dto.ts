import { ApiProperty } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsString,
  Matches,
  MaxLength,
  MinLength,
} from 'class-validator';
import { ACCESS_ROLES, type AccessRole } from '../access-roles';

/** `*`, `<agency>.*` or a service code. */
const GRANT_PATTERN = /^(\*|[a-z][a-z0-9-]{1,30}\.(\*|[a-z0-9][a-z0-9-]{1,60}))$/;

export class GrantsDto {
  @ApiProperty({ example: ['disdukcapil.*', 'dpmptsp.nib'] })
  @IsArray()
  @ArrayMaxSize(500)
  @ArrayUnique()
  @Matches(GRANT_PATTERN, { each: true, message: 'each grant is *, <agency>.* or a service code' })
  grants!: string[];
}

export class CreateClientDto extends GrantsDto {
  @ApiProperty({ example: 'kiosk-mpp-lantai-1' })
  @Matches(/^[a-z][a-z0-9-]{2,40}$/, { message: 'id is 3–41 lowercase letters, digits or dashes' })
  id!: string;

  @ApiProperty({ example: 'Kios layanan mandiri lantai 1' })
  @IsString()
  @MinLength(3)
  @MaxLength(200)
  name!: string;

  @ApiProperty({ enum: ACCESS_ROLES, isArray: true })
  @IsArray()
  @ArrayUnique()
  @IsIn(ACCESS_ROLES, { each: true })
  roles!: AccessRole[];
}
