import { Controller, Get, Param, Query } from '@nestjs/common';
import { SimulatedSystemPipe } from '../control/simulated-system.pipe';
import type { SimulatedSystem } from '../simulated-systems';
import { ArrivalLog, type ArrivalsOfReference, type ArrivalsSummary } from './arrival-log';

@Controller('_sim/systems/:system/arrivals')
export class ArrivalsController {
  constructor(private readonly arrivals: ArrivalLog) {}

  @Get()
  list(
    @Param('system', SimulatedSystemPipe) system: SimulatedSystem,
    @Query('reference') reference?: string,
  ): ArrivalsOfReference | ArrivalsSummary {
    return reference ? this.arrivals.ofReference(system, reference) : this.arrivals.summary(system);
  }
}
