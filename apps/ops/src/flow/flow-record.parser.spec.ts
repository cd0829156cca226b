import { FlowHops } from '@mpp/contracts';
import { InvalidFlowRecord, parseFlowRecord } from './flow-record.parser';

const valid = {
  id: '0b8e0c9e-4b55-4d0f-9d5b-2b0c1a3f6e11',
  hop: FlowHops.legacyCall,
  applicationId: '5f0c6a52-2a8f-4f4e-9a57-3f0a4f1f4b11',
  agency: 'disdukcapil',
  component: 'adapter-disdukcapil',
  instance: 'adapter-disdukcapil-1',
  at: '2026-03-02T03:04:05.678Z',
  durationMs: 120.5,
  outcome: 'ok',
  detail: { system: 'civil-registry', operation: 'AjukanPermohonan', httpStatus: 200 },
};

describe('parseFlowRecord', () => {
  it('reads a record that keeps the contract', () => {
    expect(parseFlowRecord(valid)).toEqual(valid);
  });

  it('normalises the time to UTC milliseconds', () => {
    expect(parseFlowRecord({ ...valid, at: '2026-03-02T10:04:05.678+07:00' }).at).toBe(
      '2026-03-02T03:04:05.678Z',
    );
  });

  it('masks a NIK that slipped into the detail', () => {
    const record = parseFlowRecord({ ...valid, detail: { note: 'nik 2171015508900001' } });
    expect(record.detail).toEqual({ note: 'nik 2171************' });
  });

  it.each([
    ['not an object', 'x'],
    ['without an id', { ...valid, id: undefined }],
    ['with a hop of another shape', { ...valid, hop: 'legacy call' }],
    ['with a time that is not one', { ...valid, at: 'yesterday' }],
    ['with a negative duration', { ...valid, durationMs: -1 }],
    ['with nested detail', { ...valid, detail: { nested: { a: 1 } } }],
    ['with a long text', { ...valid, outcome: 'x'.repeat(201) }],
  ])('refuses a record %s', (_why, data) => {
    expect(() => parseFlowRecord(data)).toThrow(InvalidFlowRecord);
  });
});
