import { Injectable } from '@nestjs/common';

/** Lets each part of the simulator forget its state when a test starts afresh. */
@Injectable()
export class SimulationReset {
  private readonly hooks: (() => void)[] = [];

  onReset(hook: () => void): void {
    this.hooks.push(hook);
  }

  resetAll(): void {
    for (const hook of this.hooks) hook();
  }
}
