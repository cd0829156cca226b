import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { IsEmailAddress } from '@mpp/validation';
import { BatamLocationDto } from './batam-location.dto';

export const BUSINESS_FORMS = [
  'perorangan',
  'pt',
  'pt-perorangan',
  'cv',
  'firma',
  'koperasi',
  'yayasan',
] as const;

/** Business scale by capital (PP 7/2021): mikro up to Rp1 M, kecil up to Rp5 M, ... */
export const BUSINESS_SCALES = ['mikro', 'kecil', 'menengah', 'besar'] as const;

/** `data` of dpmptsp.nib. */
export class BusinessIdentityNumberDto extends BatamLocationDto {
  @IsString()
  @MinLength(3)
  @MaxLength(200)
  namaUsaha!: string;

  @IsIn(BUSINESS_FORMS)
  bentukUsaha!: (typeof BUSINESS_FORMS)[number];

  /** KBLI 2020 codes of the business activities, five digits each. */
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @ArrayUnique()
  @Matches(/^\d{5}$/, { each: true })
  kbli!: string[];

  @IsIn(BUSINESS_SCALES)
  skalaUsaha!: (typeof BUSINESS_SCALES)[number];

  /** Business capital in rupiah, land and buildings excluded. */
  @IsInt()
  @Min(0)
  modalUsaha!: number;

  @IsInt()
  @Min(0)
  @Max(1_000_000)
  jumlahTenagaKerja!: number;

  /** The OSS account's email: the NIB and its notices are sent there. */
  @IsEmailAddress()
  email!: string;

  /** SK pengesahan Kemenkumham (AHU) of a legal entity. */
  @IsOptional()
  @IsString()
  @MaxLength(60)
  nomorSkAhu?: string;
}
