import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  HealthCheck,
  HealthCheckService,
  HealthIndicatorService,
  TypeOrmHealthIndicator,
} from '@nestjs/terminus';
import { ConsumptionSwitch } from '../consumption/consumption-switch';
import { LegacySystemGuard } from '../resilience/legacy-system-guard';

/**
 * `GET /health`: the adapter is healthy when its database answers. The legacy system's circuit
 * and whether consumption is paused are shown, but an agency outage does not make the adapter
 * unhealthy: restarting it would not help, and its messages are safe in Kafka.
 */
@ApiTags('health')
@Controller('health')
export class AdapterHealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly indicators: HealthIndicatorService,
    private readonly guard: LegacySystemGuard,
    private readonly consumption: ConsumptionSwitch,
  ) {}

  @Get()
  @HealthCheck()
  check() {
    return this.health.check([
      () => this.database.pingCheck('database', { timeout: 2000 }),
      () =>
        this.indicators.check('legacy').up({
          system: this.guard.system,
          circuit: this.guard.state,
          consumptionPaused: this.consumption.paused,
        }),
    ]);
  }
}
