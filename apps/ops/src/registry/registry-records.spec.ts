import { RegistryKeys } from '@mpp/contracts';
import { parseAnnouncement, parseHeartbeat, readRegistryKey } from './registry-records';

describe('registry records', () => {
  it('reads the keys the contract builds', () => {
    expect(readRegistryKey(RegistryKeys.service('disdukcapil.akta-kelahiran'))).toEqual({
      kind: 'service',
      code: 'disdukcapil.akta-kelahiran',
    });
    expect(readRegistryKey(RegistryKeys.instance('dpmptsp', 'host:1'))).toEqual({
      kind: 'instance',
      agency: 'dpmptsp',
      instanceId: 'host:1',
    });
    expect(readRegistryKey('something-else')).toBeUndefined();
  });

  const beat = {
    agency: 'bpbatam',
    instanceId: 'adapter-bpbatam-1',
    services: ['bpbatam.alokasi-lahan'],
    startedAt: '2026-03-02T03:00:00.000Z',
    sentAt: '2026-03-02T03:05:00.000Z',
    ttlMs: 30000,
    legacyCircuit: 'open',
    consumptionPaused: true,
  };

  it('accepts a heartbeat with or without the circuit fields', () => {
    expect(parseHeartbeat(beat)).toEqual(beat);
    const { legacyCircuit: _c, consumptionPaused: _p, ...older } = beat;
    expect(parseHeartbeat(older)).toEqual(older);
  });

  it.each([
    ['an unknown circuit', { ...beat, legacyCircuit: 'broken' }],
    ['no ttl', { ...beat, ttlMs: undefined }],
    ['a bad agency', { ...beat, agency: 'Not An Agency' }],
    ['nothing', null],
  ])('refuses a heartbeat with %s', (_why, data) => {
    expect(() => parseHeartbeat(data)).toThrow('not an adapter heartbeat');
  });

  it('takes the names of an announced service and refuses a mismatched agency', () => {
    const descriptor = {
      code: 'bpbatam.alokasi-lahan',
      agency: 'bpbatam',
      agencyName: 'BP Batam',
      name: { id: 'Alokasi Lahan', en: 'Land allocation' },
      dataSchema: {},
    };
    expect(parseAnnouncement(descriptor)).toEqual({
      code: 'bpbatam.alokasi-lahan',
      agency: 'bpbatam',
      agencyName: 'BP Batam',
      name: { id: 'Alokasi Lahan', en: 'Land allocation' },
    });
    expect(() => parseAnnouncement({ ...descriptor, agency: 'dpmptsp' })).toThrow();
  });
});
