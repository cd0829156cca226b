import { Injectable } from '@nestjs/common';
import { SimulationReset } from '../control/simulation-reset';
import type { SimulatedSystem } from '../simulated-systems';

/** One registration a submission created; `nomorRegistrasi` is the system's own number for it. */
export interface Arrival {
  nomorRegistrasi: string;
  at: string;
}

export interface ArrivalsOfReference {
  reference: string;
  /** Submissions that created a registration. */
  submissions: number;
  registrations: Arrival[];
  /** How many requests of each operation the system handled for the reference, whatever it answered. */
  operations: Record<string, number>;
}

export interface ArrivalsSummary {
  total: number;
  byReference: Record<string, number>;
}

interface ReferenceLog {
  registrations: Arrival[];
  operations: Record<string, number>;
}

/**
 * What each system received, keyed by the sender's reference, so tests can prove an
 * application arrived exactly once. Requests refused before handling (injected faults, rate
 * limit, authentication) never reach the system and are not recorded.
 */
@Injectable()
export class ArrivalLog {
  private readonly systems = new Map<SimulatedSystem, Map<string, ReferenceLog>>();

  constructor(reset: SimulationReset) {
    reset.onReset(() => this.systems.clear());
  }

  /** A request of `operation` concerning `reference` was handled. */
  recordOperation(system: SimulatedSystem, reference: string, operation: string): void {
    const log = this.logOf(system, reference);
    log.operations[operation] = (log.operations[operation] ?? 0) + 1;
  }

  /** A submission for `reference` created the registration `nomorRegistrasi`. */
  record(system: SimulatedSystem, reference: string, nomorRegistrasi: string, at: Date): void {
    this.logOf(system, reference).registrations.push({ nomorRegistrasi, at: at.toISOString() });
  }

  ofReference(system: SimulatedSystem, reference: string): ArrivalsOfReference {
    const log = this.systems.get(system)?.get(reference);
    const registrations = [...(log?.registrations ?? [])];
    return {
      reference,
      submissions: registrations.length,
      registrations,
      operations: { ...log?.operations },
    };
  }

  summary(system: SimulatedSystem): ArrivalsSummary {
    const byReference: Record<string, number> = {};
    let total = 0;
    for (const [reference, { registrations }] of this.systems.get(system) ?? []) {
      if (registrations.length === 0) continue;
      byReference[reference] = registrations.length;
      total += registrations.length;
    }
    return { total, byReference };
  }

  private logOf(system: SimulatedSystem, reference: string): ReferenceLog {
    const references = this.systems.get(system) ?? new Map<string, ReferenceLog>();
    this.systems.set(system, references);
    const log = references.get(reference) ?? { registrations: [], operations: {} };
    references.set(reference, log);
    return log;
  }
}
