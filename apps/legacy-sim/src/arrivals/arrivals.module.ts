import { Module } from '@nestjs/common';
import { SimulationControlModule } from '../control/simulation-control.module';
import { ArrivalLog } from './arrival-log';
import { ArrivalsController } from './arrivals.controller';

@Module({
  imports: [SimulationControlModule],
  controllers: [ArrivalsController],
  providers: [ArrivalLog],
  exports: [ArrivalLog],
})
export class ArrivalsModule {}
