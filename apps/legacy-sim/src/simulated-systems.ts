/** The agency legacy systems this simulator plays; each has its own folder, faults and arrivals. */
export const SimulatedSystem = {
  civilRegistry: 'civil-registry',
  permits: 'permits',
  land: 'land',
} as const;

export type SimulatedSystem = (typeof SimulatedSystem)[keyof typeof SimulatedSystem];

export const SIMULATED_SYSTEMS: readonly SimulatedSystem[] = Object.values(SimulatedSystem);

export function isSimulatedSystem(value: unknown): value is SimulatedSystem {
  return typeof value === 'string' && (SIMULATED_SYSTEMS as readonly string[]).includes(value);
}
