import type { SimulatedSystem } from '../simulated-systems';

export type InjectedFaultKind = 'busy' | 'maintenance' | 'rateLimited';

/** A failure the fault knobs decided on; each protocol answers it in its own way. */
export class InjectedFault extends Error {
  constructor(
    readonly kind: InjectedFaultKind,
    readonly system: SimulatedSystem,
    /** For `rateLimited`: whole seconds until a request would be admitted again. */
    readonly retryAfterSeconds?: number,
  ) {
    super(`${system}: injected ${kind}`);
    this.name = 'InjectedFault';
  }
}
