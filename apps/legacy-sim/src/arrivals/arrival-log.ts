import { Injectable } from '@nestjs/common';
import { SimulationReset } from '../control/simulation-reset';
import type { SimulatedSystem } from '../simulated-systems';

/** One registration a submission created; `nomorRegistrasi` is the system's own reference. */
export interface Arrival {
  nomorRegistrasi: string;
  at: string;
}

export interface ArrivalsOfReference {
  reference: string;
  submissions: number;
  registrations: Arrival[];
}

export interface ArrivalsSummary {
  total: number;
  byReference: Record<string, number>;
}

/**
 * What each system received, keyed by the sender's reference, so tests can prove an
 * application arrived exactly once. Only submissions that created a registration count.
 */
@Injectable()
export class ArrivalLog {
  private readonly systems = new Map<SimulatedSystem, Map<string, Arrival[]>>();

  constructor(reset: SimulationReset) {
    reset.onReset(() => this.systems.clear());
  }

  record(system: SimulatedSystem, reference: string, nomorRegistrasi: string, at: Date): void {
    const references = this.systems.get(system) ?? new Map<string, Arrival[]>();
    this.systems.set(system, references);
    const arrivals = references.get(reference) ?? [];
    arrivals.push({ nomorRegistrasi, at: at.toISOString() });
    references.set(reference, arrivals);
  }

  ofReference(system: SimulatedSystem, reference: string): ArrivalsOfReference {
    const registrations = [...(this.systems.get(system)?.get(reference) ?? [])];
    return { reference, submissions: registrations.length, registrations };
  }

  summary(system: SimulatedSystem): ArrivalsSummary {
    const byReference: Record<string, number> = {};
    let total = 0;
    for (const [reference, arrivals] of this.systems.get(system) ?? []) {
      byReference[reference] = arrivals.length;
      total += arrivals.length;
    }
    return { total, byReference };
  }
}
