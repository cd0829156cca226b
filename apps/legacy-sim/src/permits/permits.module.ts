import { Module } from '@nestjs/common';
import { ArrivalsModule } from '../arrivals/arrivals.module';
import { SimulationControlModule } from '../control/simulation-control.module';
import { FaultInjectionModule } from '../fault-injection/fault-injection.module';
import { PermitLicensing } from './permit-licensing';
import { PermitsAccessTokens } from './permits-access-tokens';
import { PermitsAuthGuard } from './permits-auth.guard';
import { PermitsOAuthController } from './permits-oauth.controller';
import { PermitsController } from './permits.controller';

@Module({
  imports: [SimulationControlModule, FaultInjectionModule, ArrivalsModule],
  controllers: [PermitsOAuthController, PermitsController],
  providers: [PermitLicensing, PermitsAccessTokens, PermitsAuthGuard],
})
export class PermitsModule {}
