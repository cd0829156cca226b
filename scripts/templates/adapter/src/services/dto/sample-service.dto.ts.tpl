import { IsInt, IsString, Max, MaxLength, Min, MinLength } from 'class-validator';

/** `data` of __AGENCY__.contoh-layanan. */
export class SampleServiceDto {
  @IsString()
  @MinLength(3)
  @MaxLength(200)
  keperluan!: string;

  @IsInt()
  @Min(1)
  @Max(5)
  jumlahSalinan!: number;
}
