import {
  agencyOfServiceCode,
  isAgencyCode,
  isServiceCode,
  RegistryKeys,
  type AdapterHeartbeat,
  type ServiceDescriptor,
} from '@mpp/contracts';

export type RegistryKey =
  { kind: 'service'; code: string } | { kind: 'instance'; agency: string; instanceId: string };

/** What a key of the compacted registry topic names, checked against the contract's builders. */
export function readRegistryKey(key: string): RegistryKey | undefined {
  const rest = key.slice(key.indexOf(':') + 1);
  if (RegistryKeys.service(rest) === key) return { kind: 'service', code: rest };
  const agencyEnd = rest.indexOf(':');
  const agency = rest.slice(0, agencyEnd);
  const instanceId = rest.slice(agencyEnd + 1);
  if (agencyEnd > 0 && RegistryKeys.instance(agency, instanceId) === key) {
    return { kind: 'instance', agency, instanceId };
  }
  return undefined;
}

const CIRCUITS = new Set(['closed', 'half_open', 'open']);

export function parseHeartbeat(data: unknown): AdapterHeartbeat {
  const beat = (data ?? {}) as Partial<Record<keyof AdapterHeartbeat, unknown>>;
  const valid =
    typeof beat.agency === 'string' &&
    isAgencyCode(beat.agency) &&
    typeof beat.instanceId === 'string' &&
    beat.instanceId.length > 0 &&
    Array.isArray(beat.services) &&
    beat.services.every((code) => isServiceCode(code)) &&
    isTimestamp(beat.startedAt) &&
    isTimestamp(beat.sentAt) &&
    typeof beat.ttlMs === 'number' &&
    beat.ttlMs >= 0 &&
    (beat.legacyCircuit === undefined || CIRCUITS.has(beat.legacyCircuit as string)) &&
    (beat.consumptionPaused === undefined || typeof beat.consumptionPaused === 'boolean');
  if (!valid) throw new Error('not an adapter heartbeat');
  return data as AdapterHeartbeat;
}

export type ServiceAnnouncement = Pick<
  ServiceDescriptor,
  'code' | 'agency' | 'agencyName' | 'name'
>;

/** The parts of a service descriptor the ops views show. */
export function parseAnnouncement(data: unknown): ServiceAnnouncement {
  const descriptor = (data ?? {}) as Partial<Record<keyof ServiceDescriptor, unknown>>;
  const name = descriptor.name as Partial<Record<'id' | 'en', unknown>> | undefined;
  const valid =
    isServiceCode(descriptor.code) &&
    agencyOfServiceCode(descriptor.code) === descriptor.agency &&
    typeof descriptor.agencyName === 'string' &&
    typeof name?.id === 'string' &&
    typeof name.en === 'string';
  if (!valid) throw new Error('not a service descriptor');
  const { code, agency, agencyName } = data as ServiceDescriptor;
  return { code, agency, agencyName, name: { id: name.id as string, en: name.en as string } };
}

function isTimestamp(value: unknown): boolean {
  return typeof value === 'string' && !Number.isNaN(Date.parse(value));
}
