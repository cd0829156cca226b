import { Module } from '@nestjs/common';
import { ArrivalsModule } from '../arrivals/arrivals.module';
import { SimulationControlModule } from '../control/simulation-control.module';
import { FaultInjectionModule } from '../fault-injection/fault-injection.module';
import { CivilRegistry } from './civil-registry';
import { CivilRegistrySoapBinding } from './civil-registry-soap.binding';
import { CivilRegistryController } from './civil-registry.controller';

@Module({
  imports: [SimulationControlModule, FaultInjectionModule, ArrivalsModule],
  controllers: [CivilRegistryController],
  providers: [CivilRegistry, CivilRegistrySoapBinding],
})
export class CivilRegistryModule {}
