import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DOCUMENT_MEDIA_TYPES } from '@mpp/contracts';
import {
  IsDocumentMediaType,
  IsDocumentName,
  IsDocumentUrl,
  IsEmailAddress,
  IsIndonesianPhoneNumber,
  IsNik,
  IsSha256,
} from '@mpp/validation';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';

export class ContactDto {
  @ApiPropertyOptional({
    example: '081234567890',
    description: 'Mobile (08…, +628…, 628…) or landline with its area code (0778…), digits only',
  })
  @IsOptional()
  @IsIndonesianPhoneNumber()
  phone?: string;

  @ApiPropertyOptional({ example: 'warga@example.id', maxLength: 254 })
  @IsOptional()
  @IsEmailAddress()
  email?: string;
}

export class ApplicantDto {
  @ApiProperty({ example: '2171011508900001', description: 'Nomor Induk Kependudukan' })
  @IsNik()
  nik!: string;

  @ApiProperty({ example: 'Siti Aminah' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(150)
  @Matches(/^[\p{L} .,'-]+$/u, { message: "name may contain letters, spaces and . , ' - only" })
  name!: string;

  @ApiProperty({ type: ContactDto })
  @IsObject()
  @ValidateNested()
  @Type(() => ContactDto)
  contact!: ContactDto;
}

export class DocumentReferenceDto {
  @ApiProperty({ example: 'kartu-keluarga.pdf', maxLength: 200 })
  @IsDocumentName()
  name!: string;

  @ApiProperty({ enum: DOCUMENT_MEDIA_TYPES })
  @IsDocumentMediaType()
  mediaType!: string;

  @ApiProperty({ example: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855' })
  @IsSha256()
  sha256!: string;

  @ApiProperty({
    example: 'https://dokumen.batam.go.id/berkas/123',
    description: 'https on a public domain name, without credentials',
  })
  @IsDocumentUrl()
  url!: string;
}

/** The unified envelope of a new application, whatever the agency. */
export class SubmitApplicationDto {
  @ApiProperty({ example: 'disdukcapil.ktp-el-penggantian' })
  @IsString()
  @Matches(/^[a-z][a-z0-9-]{1,30}\.[a-z0-9][a-z0-9-]{1,60}$/, {
    message: 'serviceCode must look like <agency>.<service>',
  })
  serviceCode!: string;

  @ApiProperty({ type: ApplicantDto })
  @IsObject()
  @ValidateNested()
  @Type(() => ApplicantDto)
  applicant!: ApplicantDto;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: "Service-specific data; validated against the service's JSON Schema",
  })
  @IsObject()
  data!: Record<string, unknown>;

  @ApiPropertyOptional({ type: [DocumentReferenceDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => DocumentReferenceDto)
  documents?: DocumentReferenceDto[];
}
