import { Controller, HttpCode, HttpStatus, Post } from '@nestjs/common';
import { SimulationReset } from './simulation-reset';

@Controller('_sim')
export class SimulationControlController {
  constructor(private readonly reset: SimulationReset) {}

  /** Clears every system's registrations, arrivals and faults. */
  @Post('reset')
  @HttpCode(HttpStatus.NO_CONTENT)
  resetAll(): void {
    this.reset.resetAll();
  }
}
