import { Controller, DynamicModule, Get, Header, Inject, Module } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { collectDefaultMetrics, Registry } from 'prom-client';
import { HttpMetricsInterceptor } from './http-metrics.interceptor';
import { METRICS_REGISTRY } from './metrics.tokens';
import { Public } from './public-route';

export { METRICS_REGISTRY };

@ApiExcludeController()
@Public()
@Controller('metrics')
class MetricsController {
  constructor(@Inject(METRICS_REGISTRY) private readonly registry: Registry) {}

  @Get()
  @Header('Content-Type', Registry.PROMETHEUS_CONTENT_TYPE)
  @Header('Cache-Control', 'no-store')
  scrape(): Promise<string> {
    return this.registry.metrics();
  }
}

/** `GET /metrics` in the Prometheus text format, with process metrics and the app's own. */
@Module({})
export class MetricsModule {
  static forComponent(component: string): DynamicModule {
    return {
      module: MetricsModule,
      global: true,
      controllers: [MetricsController],
      providers: [
        {
          provide: METRICS_REGISTRY,
          useFactory: () => {
            const registry = new Registry();
            registry.setDefaultLabels({ component });
            collectDefaultMetrics({ register: registry });
            return registry;
          },
        },
        { provide: APP_INTERCEPTOR, useClass: HttpMetricsInterceptor },
      ],
      exports: [METRICS_REGISTRY],
    };
  }
}
