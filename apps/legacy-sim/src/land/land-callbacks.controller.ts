import { Controller, Get, Query } from '@nestjs/common';
import { SimulatedSystem } from '../simulated-systems';
import { type CallbackAttempt, LandCallbackDispatcher } from './land-callback-dispatcher';

/** Control API: every callback attempt, so tests can see retries and the order of delivery. */
@Controller(`_sim/systems/${SimulatedSystem.land}/callbacks`)
export class LandCallbacksController {
  constructor(private readonly callbacks: LandCallbackDispatcher) {}

  @Get()
  list(@Query('reference') reference?: string): {
    reference?: string;
    attempts: CallbackAttempt[];
  } {
    return { reference, attempts: this.callbacks.attemptsFor(reference) };
  }
}
