import { Module } from '@nestjs/common';
import { SimulationControlModule } from '../control/simulation-control.module';
import { FaultInjectionController } from './fault-injection.controller';
import { FaultInjector } from './fault-injector';

@Module({
  imports: [SimulationControlModule],
  controllers: [FaultInjectionController],
  providers: [FaultInjector],
  exports: [FaultInjector],
})
export class FaultInjectionModule {}
