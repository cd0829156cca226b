import { Controller, Get, Query } from '@nestjs/common';
import { IsOptional, Matches } from 'class-validator';
import { AgencyHealthReport } from './agency-health';
import { ConsumerLagReader } from './consumer-lag';

export class ConsumerLagQuery {
  /** Only groups whose id starts with this. */
  @IsOptional()
  @Matches(/^[\w.-]{1,200}$/)
  group?: string;
}

@Controller('v1')
export class AgencyHealthController {
  constructor(
    private readonly health: AgencyHealthReport,
    private readonly lag: ConsumerLagReader,
  ) {}

  /** Per agency: adapter instances alive, circuit, paused consumption, legacy calls. */
  @Get('agencies')
  async agencies() {
    return { generatedAt: new Date().toISOString(), agencies: await this.health.report() };
  }

  /** Consumer lag per group and partition, read from Kafka. */
  @Get('consumer-lag')
  async consumerLag(@Query() query: ConsumerLagQuery) {
    const groups = await this.lag.read(query.group ? [query.group] : undefined);
    return { generatedAt: new Date().toISOString(), groups };
  }
}
