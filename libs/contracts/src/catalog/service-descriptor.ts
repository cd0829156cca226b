/** What an adapter announces for each service it serves (DESIGN.md §3.4). */
export type ServiceTimeUnit = 'working_hours' | 'working_days';

export interface LocalizedText {
  id: string;
  en: string;
}

export interface ServiceFee {
  /** Fixed amount in IDR; 0 for free services. */
  amount?: number;
  /** A fee that depends on the case, described in words. */
  rule?: string;
  options?: { label: string; amount: number }[];
  basis?: string;
  note?: string;
}

export interface ServiceDescriptor {
  /** `<agency>.<service>` */
  code: string;
  agency: string;
  agencyName: string;
  name: LocalizedText;
  description: LocalizedText;
  requirements: string[];
  standardTime: { value: number; unit: ServiceTimeUnit };
  fee: ServiceFee;
  legalBasis: string[];
  /** JSON Schema (draft 2020-12 subset) of the application's `data`. */
  dataSchema: Record<string, unknown>;
}

const SERVICE_CODE = /^[a-z][a-z0-9-]{1,30}\.[a-z0-9][a-z0-9-]{1,60}$/;

export function isServiceCode(value: unknown): value is string {
  return typeof value === 'string' && SERVICE_CODE.test(value);
}

export function agencyOfServiceCode(code: string): string {
  return code.slice(0, code.indexOf('.'));
}

/** Registry record of one adapter instance, sent periodically. */
export interface AdapterHeartbeat {
  agency: string;
  instanceId: string;
  services: string[];
  startedAt: string;
  sentAt: string;
  /** How long the instance counts as alive without a newer heartbeat. */
  ttlMs: number;
  /** The circuit to the agency's legacy system as this instance sees it. */
  legacyCircuit?: 'closed' | 'half_open' | 'open';
  /** Whether this instance paused consuming because the legacy system is down. */
  consumptionPaused?: boolean;
}

/** Keys of the compacted registry topic. */
export const RegistryKeys = {
  service: (code: string): string => `service:${code}`,
  instance: (agency: string, instanceId: string): string => `instance:${agency}:${instanceId}`,
} as const;
