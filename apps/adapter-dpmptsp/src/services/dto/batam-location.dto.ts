import { IsIn, IsString, Matches, MaxLength, MinLength } from 'class-validator';

/** The twelve kecamatan of Kota Batam. */
export const BATAM_DISTRICTS = [
  'Batam Kota',
  'Batu Aji',
  'Batu Ampar',
  'Belakang Padang',
  'Bengkong',
  'Bulang',
  'Galang',
  'Lubuk Baja',
  'Nongsa',
  'Sagulung',
  'Sei Beduk',
  'Sekupang',
] as const;

/** Where in Batam the business is run or the building stands. */
export class BatamLocationDto {
  @IsString()
  @MinLength(5)
  @MaxLength(300)
  alamat!: string;

  @IsString()
  @MinLength(2)
  @MaxLength(100)
  kelurahan!: string;

  @IsIn(BATAM_DISTRICTS)
  kecamatan!: (typeof BATAM_DISTRICTS)[number];

  /** Riau Islands postal codes start with 29. */
  @Matches(/^29\d{3}$/)
  kodePos!: string;
}
