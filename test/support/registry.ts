import { randomUUID } from 'node:crypto';
import {
  agencyTopicSpecs,
  CLOUDEVENTS_SPEC_VERSION,
  EventSources,
  EventTypes,
  RegistryKeys,
  sharedTopicSpecs,
  Topics,
  type ServiceDescriptor,
} from '@mpp/contracts';
import { encodeCloudEvent, provisionTopics } from '@mpp/kafka';
import type { Kafka } from 'kafkajs';

/** A service of a test agency, announced the way an adapter announces it. */
export function testServiceDescriptor(
  agency: string,
  service = 'surat-keterangan',
): ServiceDescriptor {
  return {
    code: `${agency}.${service}`,
    agency,
    agencyName: 'Instansi Uji Coba',
    name: { id: 'Surat Keterangan Uji', en: 'Test certificate' },
    description: { id: 'Layanan untuk pengujian.', en: 'A service for tests.' },
    requirements: ['KTP-el'],
    standardTime: { value: 1, unit: 'working_days' },
    fee: { amount: 0 },
    legalBasis: ['Peraturan Uji 1/2026'],
    dataSchema: {
      type: 'object',
      properties: {
        keperluan: { type: 'string', minLength: 3, maxLength: 200 },
        jumlah: { type: 'integer', minimum: 1, maximum: 5 },
      },
      required: ['keperluan'],
      additionalProperties: false,
    },
  };
}

export async function announceService(kafka: Kafka, descriptor: ServiceDescriptor): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  await provisionTopics(admin, [...sharedTopicSpecs(), ...agencyTopicSpecs(descriptor.agency)]);
  await admin.disconnect();
  const producer = kafka.producer({ allowAutoTopicCreation: false });
  await producer.connect();
  await producer.send({
    topic: Topics.registry,
    messages: [
      encodeCloudEvent(
        {
          id: randomUUID(),
          source: EventSources.adapter(descriptor.agency),
          type: EventTypes.serviceAnnounced,
          specversion: CLOUDEVENTS_SPEC_VERSION,
          time: new Date().toISOString(),
          data: descriptor,
        },
        RegistryKeys.service(descriptor.code),
      ),
    ],
  });
  await producer.disconnect();
}

/** Decommissions a test service with a registry tombstone, so it leaves no trace in catalogs. */
export async function withdrawService(kafka: Kafka, code: string): Promise<void> {
  const producer = kafka.producer({ allowAutoTopicCreation: false });
  await producer.connect();
  await producer.send({
    topic: Topics.registry,
    messages: [{ key: RegistryKeys.service(code), value: null }],
  });
  await producer.disconnect();
}
