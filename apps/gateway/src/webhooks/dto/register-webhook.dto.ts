import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';

export class RegisterWebhookDto {
  @ApiProperty({
    example: 'https://kiosk.batam.go.id/mpp/webhook',
    description: 'https only (plain http to localhost outside production); no credentials',
  })
  @IsString()
  @MaxLength(2000)
  url!: string;
}
