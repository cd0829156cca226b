import { Body, Controller, Get, Param, Patch, Put } from '@nestjs/common';
import { SimulatedSystemPipe } from '../control/simulated-system.pipe';
import type { SimulatedSystem } from '../simulated-systems';
import type { FaultProfile } from './fault-profile';
import { FaultProfileDto } from './fault-profile.dto';
import { FaultInjector } from './fault-injector';

@Controller('_sim/systems/:system/faults')
export class FaultInjectionController {
  constructor(private readonly faults: FaultInjector) {}

  @Get()
  current(@Param('system', SimulatedSystemPipe) system: SimulatedSystem): FaultProfile {
    return this.faults.profileOf(system);
  }

  @Put()
  replace(
    @Param('system', SimulatedSystemPipe) system: SimulatedSystem,
    @Body() knobs: FaultProfileDto,
  ): FaultProfile {
    return this.faults.replace(system, knobs);
  }

  @Patch()
  update(
    @Param('system', SimulatedSystemPipe) system: SimulatedSystem,
    @Body() knobs: FaultProfileDto,
  ): FaultProfile {
    return this.faults.update(system, knobs);
  }
}
