import { Public } from '@mpp/observability';
import { Controller, Get, Param } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApplicationReader } from '../applications/application-reader';
import { trackingView } from '../applications/application-views';
import { TrackingNumber } from '../applications/tracking-number';
import { Problems } from '../problems/problem';

@ApiTags('tracking')
@Public()
@Controller('v1/track')
export class TrackingController {
  constructor(private readonly reader: ApplicationReader) {}

  @Get(':trackingNumber')
  @ApiOperation({ summary: 'Status of an application by tracking number, without personal data' })
  async track(@Param('trackingNumber') raw: string) {
    const trackingNumber = TrackingNumber.normalize(raw);
    if (!trackingNumber) {
      throw Problems.validation([
        {
          field: 'trackingNumber',
          code: 'trackingNumber',
          message: 'not a valid tracking number; check the characters and the check character',
        },
      ]);
    }
    const found = await this.reader.byTrackingNumber(trackingNumber);
    if (!found) throw Problems.applicationNotFound();
    return trackingView(found);
  }
}
