import {
  agencyOfServiceCode,
  EventTypes,
  isAgencyCode,
  isServiceCode,
  RegistryKeys,
  type AdapterHeartbeat,
  type ServiceDescriptor,
} from '@mpp/contracts';
import { decodeCloudEvent, MalformedMessageError, UnsupportedEventType } from '@mpp/kafka';
import type { KafkaMessage } from 'kafkajs';
import { DataSchemaValidator } from './data-schema-validator';

/** A heartbeat claiming longer than a day would keep a gone adapter "available". */
const MAX_HEARTBEAT_TTL_MS = 24 * 3600_000;

export type RegistryRecord =
  | { kind: 'service'; descriptor: ServiceDescriptor; announcedAt: Date }
  | { kind: 'withdrawn'; code: string }
  | { kind: 'heartbeat'; beat: AdapterHeartbeat }
  | { kind: 'instance-gone' };

/**
 * What a message of the registry topic tells the catalog. Throws MalformedMessageError for a
 * record that is not what its type promises (a descriptor whose data schema does not compile
 * included), UnsupportedEventType for a record of a type the gateway does not follow.
 */
export function readRegistryRecord(
  message: Pick<KafkaMessage, 'key' | 'headers' | 'value'>,
): RegistryRecord {
  const key = message.key?.toString() ?? '';
  const servicePrefix = RegistryKeys.service('');
  if (message.value === null) {
    return key.startsWith(servicePrefix)
      ? { kind: 'withdrawn', code: key.slice(servicePrefix.length) }
      : { kind: 'instance-gone' };
  }
  const event = decodeCloudEvent<unknown>({ headers: message.headers, value: message.value });
  switch (event.type) {
    case EventTypes.serviceAnnounced: {
      const descriptor = event.data as ServiceDescriptor;
      if (!isAnnouncement(descriptor)) throw new MalformedMessageError('not a service descriptor');
      try {
        new DataSchemaValidator(descriptor.dataSchema);
      } catch (error) {
        throw new MalformedMessageError(`the data schema does not compile: ${String(error)}`);
      }
      return { kind: 'service', descriptor, announcedAt: new Date(event.time) };
    }
    case EventTypes.adapterHeartbeat:
      if (!isHeartbeat(event.data)) throw new MalformedMessageError('not an adapter heartbeat');
      return { kind: 'heartbeat', beat: event.data };
    default:
      throw new UnsupportedEventType(`${event.type} is not a registry record the gateway follows`);
  }
}

function isAnnouncement(value: ServiceDescriptor): boolean {
  return (
    typeof value === 'object' &&
    value !== null &&
    isServiceCode(value.code) &&
    agencyOfServiceCode(value.code) === value.agency &&
    typeof value.dataSchema === 'object' &&
    value.dataSchema !== null &&
    typeof value.name?.id === 'string' &&
    typeof value.name?.en === 'string'
  );
}

function isHeartbeat(value: unknown): value is AdapterHeartbeat {
  const beat = value as Partial<AdapterHeartbeat> | null;
  return (
    typeof beat === 'object' &&
    beat !== null &&
    typeof beat.agency === 'string' &&
    isAgencyCode(beat.agency) &&
    typeof beat.instanceId === 'string' &&
    beat.instanceId.length > 0 &&
    Array.isArray(beat.services) &&
    beat.services.every((code) => typeof code === 'string') &&
    typeof beat.sentAt === 'string' &&
    !Number.isNaN(Date.parse(beat.sentAt)) &&
    Number.isInteger(beat.ttlMs) &&
    beat.ttlMs! >= 0 &&
    beat.ttlMs! <= MAX_HEARTBEAT_TTL_MS
  );
}
