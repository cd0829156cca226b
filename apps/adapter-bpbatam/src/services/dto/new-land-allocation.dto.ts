import { IsInt, IsNumber, IsOptional, IsString, MaxLength, Min, MinLength } from 'class-validator';
import { IsNib, IsNpwp } from '@mpp/validation';
import { LandParcelDto } from './land-parcel.dto';

/** `data` of bpbatam.alokasi-lahan-baru. */
export class NewLandAllocationDto extends LandParcelDto {
  /** The company or sole trader the land is allocated to. */
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  namaPelakuUsaha!: string;

  @IsNib()
  nib!: string;

  @IsNpwp()
  npwp!: string;

  /** What will be built and run there: a summary of the business proposal. */
  @IsString()
  @MinLength(20)
  @MaxLength(2000)
  rencanaPemanfaatan!: string;

  /** Coastline of a seaside parcel, which the annual fee (UWT) also counts. */
  @IsOptional()
  @IsNumber()
  @Min(0)
  panjangGarisPantaiM?: number;

  @IsOptional()
  @IsInt()
  @Min(0)
  rencanaInvestasiRupiah?: number;
}
