import { BATAM_DISTRICTS } from '@mpp/contracts';
import { IsIn, IsNumber, IsString, Max, MaxLength, Min, MinLength } from 'class-validator';

/** Peruntukan lahan: what the allocated land may be used for. */
export const LAND_USES = [
  'industri',
  'perdagangan-jasa',
  'perumahan',
  'pariwisata',
  'pergudangan',
  'fasilitas-umum-sosial',
] as const;

/** The parcel an allocation is about; shared by a new allocation and an extension. */
export class LandParcelDto {
  @IsIn(BATAM_DISTRICTS)
  kecamatan!: (typeof BATAM_DISTRICTS)[number];

  /** Area, kavling and block, e.g. "Kawasan Industri Kabil, Kav. 12 Blok B". */
  @IsString()
  @MinLength(3)
  @MaxLength(200)
  lokasiKavling!: string;

  @IsNumber()
  @Min(1)
  @Max(10_000_000)
  luasM2!: number;

  @IsIn(LAND_USES)
  peruntukan!: (typeof LAND_USES)[number];
}
