import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsEmail,
  IsIn,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { IsNik } from './is-nik.validator';

export const ALLOWED_DOCUMENT_MEDIA_TYPES = ['application/pdf', 'image/jpeg', 'image/png'] as const;

export class ContactDto {
  @ApiPropertyOptional({ example: '+6281234567890' })
  @IsOptional()
  @Matches(/^(\+62|62|0)8[1-9][0-9]{6,11}$/, {
    message: 'phone must be an Indonesian mobile number',
  })
  phone?: string;

  @ApiPropertyOptional({ example: 'warga@example.id' })
  @IsOptional()
  @IsEmail()
  @MaxLength(254)
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
  @ApiProperty({ example: 'kartu-keluarga.pdf' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name!: string;

  @ApiProperty({ enum: ALLOWED_DOCUMENT_MEDIA_TYPES })
  @IsIn(ALLOWED_DOCUMENT_MEDIA_TYPES)
  mediaType!: string;

  @ApiProperty({ example: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855' })
  @Matches(/^[0-9a-f]{64}$/, { message: 'sha256 must be 64 lowercase hex digits' })
  sha256!: string;

  @ApiProperty({ example: 'https://dokumen.batam.go.id/berkas/123' })
  @IsUrl({ protocols: ['https'], require_protocol: true, require_tld: false })
  @MaxLength(2000)
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
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => DocumentReferenceDto)
  documents?: DocumentReferenceDto[];
}
