import {
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { IsNib } from '@mpp/validation';
import { BatamLocationDto } from './batam-location.dto';

/** Building functions of PP 16/2021, plus buildings of mixed function. */
export const BUILDING_FUNCTIONS = [
  'hunian',
  'keagamaan',
  'usaha',
  'sosial-budaya',
  'khusus',
  'campuran',
] as const;

export const BUILDING_WORKS = ['bangunan-baru', 'perubahan', 'perluasan'] as const;

const AREA = { allowNaN: false, allowInfinity: false, maxDecimalPlaces: 2 };

/** `data` of dpmptsp.pbg. */
export class BuildingApprovalDto extends BatamLocationDto {
  @IsIn(BUILDING_FUNCTIONS)
  fungsiBangunan!: (typeof BUILDING_FUNCTIONS)[number];

  @IsIn(BUILDING_WORKS)
  jenisPekerjaan!: (typeof BUILDING_WORKS)[number];

  /** Total floor area, in square metres. */
  @IsNumber(AREA)
  @Min(1)
  @Max(1_000_000)
  luasBangunan!: number;

  @IsInt()
  @Min(1)
  @Max(120)
  jumlahLantai!: number;

  /** Land area, in square metres. */
  @IsNumber(AREA)
  @Min(1)
  @Max(10_000_000)
  luasTanah!: number;

  /** Certificate of the land right, e.g. `SHGB 01234/Belian`. */
  @IsString()
  @MinLength(3)
  @MaxLength(60)
  nomorSertifikatTanah!: string;

  /** The owner's NIB, for a building used for business. */
  @IsOptional()
  @IsNib()
  nib?: string;
}
