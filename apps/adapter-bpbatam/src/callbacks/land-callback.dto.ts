import {
  IsIn,
  IsISO8601,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  ValidateIf,
} from 'class-validator';
import { LAND_STATUSES, LandStatus, type LandStatusNotice } from '../land/land-status.mapper';

/** What the land system posts on every status change of a berkas. */
export class LandCallbackDto implements LandStatusNotice {
  /** Stable across retries of the same callback. */
  @IsUUID('all')
  id_event!: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  nomor_berkas!: string;

  /** Our application id, sent with the submission. */
  @IsUUID('all')
  referensi!: string;

  @IsIn(LAND_STATUSES)
  status!: LandStatus;

  @IsOptional()
  @IsString()
  @MaxLength(2000)
  keterangan?: string;

  /** The decree number; required once the berkas is SELESAI. */
  @ValidateIf(
    (callback: LandCallbackDto) =>
      callback.status === LandStatus.completed || callback.nomor_sk != null,
  )
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  nomor_sk?: string;

  @IsISO8601()
  waktu!: string;
}
