import { Public } from '@mpp/observability';
import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { ServiceDescriptor } from '@mpp/contracts';
import { Problems } from '../problems/problem';
import { ServiceCatalog } from './service-catalog';

@ApiTags('catalog')
@Public()
@Controller('v1/services')
export class CatalogController {
  constructor(private readonly catalog: ServiceCatalog) {}

  @Get()
  @ApiOperation({ summary: 'Services the gateway can route to, as announced by the adapters' })
  @ApiQuery({ name: 'agency', required: false })
  @ApiQuery({ name: 'q', required: false, description: 'Search in the Indonesian or English name' })
  list(@Query('agency') agency?: string, @Query('q') query?: string) {
    const needle = typeof query === 'string' ? query.trim().toLowerCase() : '';
    const services = this.catalog
      .list()
      .filter((service) => !agency || service.agency === agency)
      .filter(
        (service) =>
          !needle ||
          service.name.id.toLowerCase().includes(needle) ||
          service.name.en.toLowerCase().includes(needle),
      )
      .sort((a, b) => a.code.localeCompare(b.code))
      .map((service) => this.summary(service));
    return { services };
  }

  @Get(':code')
  @ApiOperation({ summary: 'One service: requirements, standard time, fee and data schema' })
  get(@Param('code') code: string) {
    const entry = this.catalog.find(code);
    if (!entry) throw Problems.unknownService(code);
    return { ...entry.descriptor, available: this.catalog.isAvailable(code) };
  }

  private summary(service: ServiceDescriptor) {
    return {
      code: service.code,
      agency: service.agency,
      name: service.name,
      standardTime: service.standardTime,
      fee: service.fee,
      available: this.catalog.isAvailable(service.code),
    };
  }
}
