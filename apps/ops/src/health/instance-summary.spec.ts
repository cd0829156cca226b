import type { KnownInstance } from '../registry/agency-directory';
import { summarizeInstances } from './instance-summary';

const NOW = Date.parse('2026-03-02T03:00:00.000Z');

function instance(id: string, expiresInMs: number, extra: Partial<KnownInstance> = {}) {
  return {
    agency: 'dpmptsp',
    instanceId: id,
    services: ['dpmptsp.nib'],
    startedAt: '2026-03-02T02:00:00.000Z',
    sentAt: new Date(NOW - 1000).toISOString(),
    expiresAt: new Date(NOW + expiresInMs).toISOString(),
    ttlMs: 30000,
    legacyCircuit: null,
    consumptionPaused: null,
    ...extra,
  } satisfies KnownInstance;
}

describe('summarizeInstances', () => {
  it('judges each instance by its own TTL', () => {
    const summary = summarizeInstances([instance('a', 5000), instance('b', -1)], NOW);
    expect(summary.instancesAlive).toBe(1);
    expect(summary.instances.map((i) => [i.instanceId, i.alive])).toEqual([
      ['a', true],
      ['b', false],
    ]);
  });

  it('shows the worst circuit of the live instances and ignores dead ones', () => {
    const summary = summarizeInstances(
      [
        instance('a', 5000, { legacyCircuit: 'closed' }),
        instance('b', 5000, { legacyCircuit: 'half_open', consumptionPaused: true }),
        instance('c', -1, { legacyCircuit: 'open' }),
      ],
      NOW,
    );
    expect(summary.circuit).toBe('half_open');
    expect(summary.consumptionPaused).toBe(true);
  });

  it('knows nothing of the circuit without a live instance reporting it', () => {
    expect(summarizeInstances([instance('a', 5000)], NOW).circuit).toBe('unknown');
    expect(summarizeInstances([], NOW)).toEqual({
      instancesAlive: 0,
      circuit: 'unknown',
      consumptionPaused: false,
      instances: [],
    });
  });
});
