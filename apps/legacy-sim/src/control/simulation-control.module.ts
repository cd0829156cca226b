import { Module } from '@nestjs/common';
import { SimulationControlController } from './simulation-control.controller';
import { SimulationReset } from './simulation-reset';

@Module({
  controllers: [SimulationControlController],
  providers: [SimulationReset],
  exports: [SimulationReset],
})
export class SimulationControlModule {}
