import { Injectable } from '@nestjs/common';
import { DeadLetterStore } from '../dead-letters/dead-letter.store';
import { AgencyDirectory } from '../registry/agency-directory';
import { summarizeInstances, type InstanceSummary } from './instance-summary';
import { LegacyCallStats } from './legacy-call-stats';
import { legacyCallWindow, type LegacyCallWindow } from './legacy-call-window';

export interface AgencyHealth extends InstanceSummary {
  agency: string;
  agencyName: string | null;
  legacy: { last5m: LegacyCallWindow; last60m: LegacyCallWindow };
  deadLettersParked: number;
}

const MINUTE_MS = 60000;
const NO_CALLS = legacyCallWindow({}, null);

/** Every agency ops has heard of, with its adapters, legacy system and dead letters. */
@Injectable()
export class AgencyHealthReport {
  constructor(
    private readonly directory: AgencyDirectory,
    private readonly legacyCalls: LegacyCallStats,
    private readonly deadLetters: DeadLetterStore,
  ) {}

  async report(now = new Date()): Promise<AgencyHealth[]> {
    const [instances, names, parked, last5m, last60m] = await Promise.all([
      this.directory.instances(),
      this.directory.agencyNames(),
      this.deadLetters.parkedByAgency(),
      this.legacyCalls.since(new Date(now.getTime() - 5 * MINUTE_MS)),
      this.legacyCalls.since(new Date(now.getTime() - 60 * MINUTE_MS)),
    ]);
    const agencies = new Set([
      ...instances.map((instance) => instance.agency),
      ...names.keys(),
      ...parked.keys(),
      ...last60m.keys(),
    ]);
    return [...agencies].sort().map((agency) => ({
      agency,
      agencyName: names.get(agency) ?? null,
      ...summarizeInstances(
        instances.filter((instance) => instance.agency === agency),
        now.getTime(),
      ),
      legacy: {
        last5m: last5m.get(agency) ?? NO_CALLS,
        last60m: last60m.get(agency) ?? NO_CALLS,
      },
      deadLettersParked: parked.get(agency) ?? 0,
    }));
  }
}
