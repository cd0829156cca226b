import { IsIn, IsString, Matches, MaxLength, MinLength } from 'class-validator';

export const FAMILY_CARD_CHANGES = [
  'tambah-anggota',
  'kurang-anggota',
  'perubahan-data',
  'pisah-kk',
] as const;

/** `data` of disdukcapil.kk-perubahan. */
export class FamilyCardUpdateDto {
  @Matches(/^\d{16}$/)
  nomorKk!: string;

  @IsIn(FAMILY_CARD_CHANGES)
  jenisPerubahan!: (typeof FAMILY_CARD_CHANGES)[number];

  @IsString()
  @MinLength(3)
  @MaxLength(500)
  keterangan!: string;
}
