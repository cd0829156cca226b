import { IsISO8601, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { IsNib, IsNpwp } from '@mpp/validation';
import { LandParcelDto } from './land-parcel.dto';

/** `data` of bpbatam.perpanjangan-alokasi-lahan. */
export class LandAllocationExtensionDto extends LandParcelDto {
  /** Number of the allocation being extended: its Penetapan Lokasi (PL) or SKEP. */
  @IsString()
  @MinLength(3)
  @MaxLength(60)
  nomorAlokasiLahan!: string;

  /** When the current allocation ends; an extension is filed between 10 years and 6 months before. */
  @IsISO8601({ strict: true, strictSeparator: true })
  @Matches(/^\d{4}-\d{2}-\d{2}$/)
  tanggalBerakhirAlokasi!: string;

  /** Nomor Objek Pajak of the parcel, whose latest PBB payment is attached. */
  @Matches(/^\d{18}$/)
  nopPbb!: string;

  /** For a company: its name, NIB and NPWP. */
  @IsOptional()
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  namaPelakuUsaha?: string;

  @IsOptional()
  @IsNib()
  nib?: string;

  @IsOptional()
  @IsNpwp()
  npwp?: string;
}
