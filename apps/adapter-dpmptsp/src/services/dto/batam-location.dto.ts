import { BATAM_DISTRICTS } from '@mpp/contracts';
import { IsIn, IsString, Matches, MaxLength, MinLength } from 'class-validator';

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
