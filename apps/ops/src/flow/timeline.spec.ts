import { FlowHops, type FlowRecord } from '@mpp/contracts';
import { buildTimeline } from './timeline';

const APPLICATION = '5f0c6a52-2a8f-4f4e-9a57-3f0a4f1f4b11';

function record(hop: FlowRecord['hop'], at: string, id: string = hop): FlowRecord {
  return { id, hop, applicationId: APPLICATION, component: 'c', instance: 'i', at };
}

describe('buildTimeline', () => {
  it('orders the hops by time and gives each its latency since the one before', () => {
    const timeline = buildTimeline(APPLICATION, [
      record(FlowHops.received, '2026-03-02T03:00:00.250Z'),
      record(FlowHops.accepted, '2026-03-02T03:00:00.000Z'),
      record(FlowHops.published, '2026-03-02T03:00:00.040Z'),
      record(FlowHops.legacyCall, '2026-03-02T03:00:01.250Z'),
    ])!;
    expect(timeline.hops.map((hop) => [hop.hop, hop.sincePreviousMs, hop.sinceStartMs])).toEqual([
      [FlowHops.accepted, null, 0],
      [FlowHops.published, 40, 40],
      [FlowHops.received, 210, 250],
      [FlowHops.legacyCall, 1000, 1250],
    ]);
    expect(timeline).toMatchObject({
      applicationId: APPLICATION,
      startedAt: '2026-03-02T03:00:00.000Z',
      lastAt: '2026-03-02T03:00:01.250Z',
      totalMs: 1250,
    });
  });

  it('keeps the arrival order of hops recorded in the same millisecond', () => {
    const at = '2026-03-02T03:00:00.000Z';
    const timeline = buildTimeline(APPLICATION, [
      record(FlowHops.statusEmitted, at, 'a'),
      record(FlowHops.statusEmitted, at, 'b'),
      record(FlowHops.statusEmitted, at, 'c'),
    ])!;
    expect(timeline.hops.map((hop) => hop.id)).toEqual(['a', 'b', 'c']);
    expect(timeline.hops.map((hop) => hop.sincePreviousMs)).toEqual([null, 0, 0]);
    expect(timeline.totalMs).toBe(0);
  });

  it('has no timeline for an application without records', () => {
    expect(buildTimeline(APPLICATION, [])).toBeUndefined();
  });
});
