import { IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';

/** `data` of disdukcapil.ktp-el-penggantian. */
export class KtpElReplacementDto {
  @IsIn(['hilang', 'rusak'])
  alasan!: 'hilang' | 'rusak';

  @Matches(/^\d{16}$/)
  nomorKk!: string;

  /** Police report number, needed when the card was lost. */
  @IsOptional()
  @IsString()
  @MaxLength(60)
  nomorSuratKehilangan?: string;
}
