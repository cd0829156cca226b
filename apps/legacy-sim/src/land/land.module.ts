import { Module } from '@nestjs/common';
import { ArrivalsModule } from '../arrivals/arrivals.module';
import { SimulationControlModule } from '../control/simulation-control.module';
import { FaultInjectionModule } from '../fault-injection/fault-injection.module';
import { LandAllocation } from './land-allocation';
import { LandApiKeyGuard } from './land-api-key.guard';
import { LandCallbackDispatcher } from './land-callback-dispatcher';
import { LandCallbacksController } from './land-callbacks.controller';
import { LandStatusAnnouncer } from './land-status-announcer';
import { LandController } from './land.controller';

@Module({
  imports: [SimulationControlModule, FaultInjectionModule, ArrivalsModule],
  controllers: [LandController, LandCallbacksController],
  providers: [LandAllocation, LandStatusAnnouncer, LandCallbackDispatcher, LandApiKeyGuard],
})
export class LandModule {}
