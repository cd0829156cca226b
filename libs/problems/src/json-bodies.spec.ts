import { jsonDepth, MAX_JSON_DEPTH } from './json-bodies';

function nested(levels: number): unknown {
  let value: unknown = 'leaf';
  for (let i = 0; i < levels; i++) value = i % 2 ? [value] : { inner: value };
  return value;
}

describe('jsonDepth', () => {
  it('counts objects and arrays, not scalars', () => {
    expect(jsonDepth('text')).toBe(0);
    expect(jsonDepth({ a: 1, b: 'x' })).toBe(1);
    expect(jsonDepth({ a: { b: [1, { c: 2 }] } })).toBe(4);
  });

  it('stops counting once past the limit, even for hostile depths', () => {
    expect(jsonDepth(nested(MAX_JSON_DEPTH))).toBe(MAX_JSON_DEPTH);
    expect(jsonDepth(nested(100_000))).toBe(MAX_JSON_DEPTH + 1);
  });
});
