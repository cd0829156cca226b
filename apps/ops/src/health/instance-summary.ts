import type { KnownInstance } from '../registry/agency-directory';

export type AgencyCircuit = 'closed' | 'half_open' | 'open' | 'unknown';

const SEVERITY: Record<AgencyCircuit, number> = { unknown: 0, closed: 1, half_open: 2, open: 3 };

export interface InstanceSummary {
  instancesAlive: number;
  /** The worst circuit any live instance reports; unknown without a live instance saying. */
  circuit: AgencyCircuit;
  /** Whether any live instance paused consumption for a legacy outage. */
  consumptionPaused: boolean;
  instances: (KnownInstance & { alive: boolean })[];
}

/** What an agency's adapter instances say, judged at `now` by each heartbeat's own TTL. */
export function summarizeInstances(instances: KnownInstance[], now: number): InstanceSummary {
  const judged = instances.map((instance) => ({
    ...instance,
    alive: Date.parse(instance.expiresAt) > now,
  }));
  const alive = judged.filter((instance) => instance.alive);
  const circuit = alive
    .map((instance): AgencyCircuit => instance.legacyCircuit ?? 'unknown')
    .reduce<AgencyCircuit>(
      (worst, next) => (SEVERITY[next] > SEVERITY[worst] ? next : worst),
      'unknown',
    );
  return {
    instancesAlive: alive.length,
    circuit,
    consumptionPaused: alive.some((instance) => instance.consumptionPaused === true),
    instances: judged,
  };
}
