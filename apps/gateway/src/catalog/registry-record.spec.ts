import { CLOUDEVENTS_SPEC_VERSION, EventTypes, RegistryKeys } from '@mpp/contracts';
import { encodeCloudEvent, MalformedMessageError, UnsupportedEventType } from '@mpp/kafka';
import { readRegistryRecord } from './registry-record';

const descriptor = {
  code: 'uji.surat',
  agency: 'uji',
  name: { id: 'Surat', en: 'Letter' },
  dataSchema: { type: 'object', properties: { a: { type: 'string' } } },
};
const heartbeat = {
  agency: 'uji',
  instanceId: 'adapter-uji-1',
  services: ['uji.surat'],
  startedAt: '2026-11-28T01:00:00Z',
  sentAt: '2026-11-28T01:00:10Z',
  ttlMs: 30000,
};

function record(type: string, data: unknown, key = RegistryKeys.service('uji.surat')) {
  return encodeCloudEvent(
    {
      id: 'e-1',
      source: '/mpp/adapters/uji',
      type,
      specversion: CLOUDEVENTS_SPEC_VERSION,
      time: '2026-11-28T01:00:00Z',
      data,
    },
    key,
  ) as { key: string; value: string; headers: Record<string, string> };
}

const read = (message: { key: string; value: string | null; headers?: Record<string, string> }) =>
  readRegistryRecord({
    ...message,
    key: Buffer.from(message.key),
    value: message.value === null ? null : Buffer.from(message.value),
  });

describe('readRegistryRecord', () => {
  it('reads announcements, heartbeats and tombstones', () => {
    expect(read(record(EventTypes.serviceAnnounced, descriptor))).toMatchObject({
      kind: 'service',
      descriptor: { code: 'uji.surat' },
    });
    // A leaving instance's last heartbeat expires at once.
    expect(read(record(EventTypes.adapterHeartbeat, { ...heartbeat, ttlMs: 0 }))).toMatchObject({
      kind: 'heartbeat',
    });
    expect(read({ key: RegistryKeys.service('uji.surat'), value: null })).toEqual({
      kind: 'withdrawn',
      code: 'uji.surat',
    });
    expect(read({ key: RegistryKeys.instance('uji', 'a-1'), value: null })).toEqual({
      kind: 'instance-gone',
    });
  });

  it.each([
    [
      'a descriptor of another agency',
      record(EventTypes.serviceAnnounced, { ...descriptor, agency: 'lain' }),
    ],
    [
      'a data schema that does not compile',
      record(EventTypes.serviceAnnounced, { ...descriptor, dataSchema: { type: 'tabel' } }),
    ],
    [
      'a heartbeat alive for ten years',
      record(EventTypes.adapterHeartbeat, { ...heartbeat, ttlMs: 315_360_000_000 }),
    ],
    [
      'a heartbeat without its instance',
      record(EventTypes.adapterHeartbeat, { ...heartbeat, instanceId: '' }),
    ],
    ['no CloudEvent at all', { key: RegistryKeys.service('uji.surat'), value: '{"code": ' }],
  ])('refuses %s as malformed', (_case, message) => {
    expect(() => read(message)).toThrow(MalformedMessageError);
  });

  it('does not follow record types it does not know', () => {
    expect(() => read(record('id.go.batam.mpp.registry.agency-renamed.v1', {}))).toThrow(
      UnsupportedEventType,
    );
  });
});
