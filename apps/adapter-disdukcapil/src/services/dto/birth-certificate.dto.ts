import { IsNik } from '@mpp/validation';
import { IsISO8601, IsString, Matches, MaxLength, MinLength } from 'class-validator';

/** `data` of disdukcapil.akta-kelahiran. */
export class BirthCertificateDto {
  @IsString()
  @MinLength(2)
  @MaxLength(150)
  namaAnak!: string;

  @IsISO8601({ strict: true, strictSeparator: true })
  @Matches(/^\d{4}-\d{2}-\d{2}$/)
  tanggalLahir!: string;

  @IsString()
  @MinLength(2)
  @MaxLength(100)
  tempatLahir!: string;

  @IsNik()
  nikIbu!: string;

  @IsNik()
  nikAyah!: string;

  @Matches(/^\d{16}$/)
  nomorKk!: string;
}
