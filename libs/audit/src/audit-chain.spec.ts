import { auditRecordHash, canonicalJson, GENESIS_HASH, type ChainedFields } from './audit-chain';

const record: ChainedFields = {
  position: 1,
  at: new Date('2026-03-02T03:04:05.678Z'),
  actor: 'client:kiosk-1',
  action: 'application.submitted',
  subject: 'application:5f0c0c9e-9a43-4c55-9c2b-0d6a5d3f1e11',
  detail: { serviceCode: 'disdukcapil.ktp-el', agency: 'disdukcapil' },
};

describe('canonicalJson', () => {
  it('sorts keys at every level and leaves arrays in order', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { f: 1, e: 2 }], c: null } })).toBe(
      '{"a":{"c":null,"d":[3,{"e":2,"f":1}]},"b":1}',
    );
  });

  it('refuses what JSON cannot carry rather than dropping it', () => {
    expect(() => canonicalJson({ a: undefined })).toThrow(TypeError);
    expect(() => canonicalJson({ a: Number.NaN })).toThrow(TypeError);
  });
});

describe('auditRecordHash', () => {
  it('is the same for the same record whatever the key order of its detail', () => {
    const reordered = {
      ...record,
      detail: { agency: 'disdukcapil', serviceCode: 'disdukcapil.ktp-el' },
    };
    expect(auditRecordHash(GENESIS_HASH, reordered)).toBe(auditRecordHash(GENESIS_HASH, record));
  });

  it('changes with the previous hash, the position and every field', () => {
    const original = auditRecordHash(GENESIS_HASH, record);
    const variants: ChainedFields[] = [
      { ...record, position: 2 },
      { ...record, at: new Date(record.at.getTime() + 1) },
      { ...record, actor: 'client:kiosk-2' },
      { ...record, action: 'application.cancellation-requested' },
      { ...record, subject: 'application:other' },
      { ...record, detail: { ...record.detail, agency: 'dpmptsp' } },
    ];
    for (const variant of variants) {
      expect(auditRecordHash(GENESIS_HASH, variant)).not.toBe(original);
    }
    expect(auditRecordHash('f'.repeat(64), record)).not.toBe(original);
    expect(original).toMatch(/^[0-9a-f]{64}$/);
  });
});
