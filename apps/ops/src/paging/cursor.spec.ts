import { ProblemError } from '../problems/problem';
import { CursorValues, decodeCursor, encodeCursor, pageOf } from './cursor';

const FLOW_POSITION = { at: CursorValues.instant, seq: CursorValues.sequence };
const ID_POSITION = { id: CursorValues.sequence };

describe('paging cursor', () => {
  const filters = { agency: 'disdukcapil', hop: undefined };

  it('round-trips a position under the same filters', () => {
    const cursor = encodeCursor({ at: '2026-01-01T00:00:00.000Z', seq: '42' }, filters);
    expect(cursor).toMatch(/^[\w-]+$/);
    expect(decodeCursor(cursor, { agency: 'disdukcapil' }, FLOW_POSITION)).toEqual({
      at: '2026-01-01T00:00:00.000Z',
      seq: '42',
    });
  });

  it('does not depend on the order the filters are given in', () => {
    const cursor = encodeCursor({ id: '7' }, { a: '1', b: '2' });
    expect(decodeCursor(cursor, { b: '2', a: '1' }, ID_POSITION)).toEqual({ id: '7' });
  });

  it('refuses a cursor used with other filters', () => {
    const cursor = encodeCursor({ id: '7' }, { agency: 'disdukcapil' });
    expect(refusal(() => decodeCursor(cursor, { agency: 'dpmptsp' }, ID_POSITION))).toEqual({
      status: 400,
      errors: [{ field: 'cursor', code: 'cursor', message: 'cursor was issued for other filters' }],
    });
  });

  it.each([
    'not base64 at all!',
    Buffer.from('{"p":{"x":1}}').toString('base64url'),
    '',
    encodeCursor({ id: '1; DROP TABLE flow_record' }, {}),
  ])('refuses a cursor it did not issue: %p', (cursor) => {
    expect(() => decodeCursor(cursor, {}, ID_POSITION)).toThrow(ProblemError);
  });

  it('cuts a page and points after its last item only when more rows exist', () => {
    const rows = [{ id: '3' }, { id: '2' }, { id: '1' }];
    const page = pageOf(rows, 2, (row) => ({ id: row.id }), {});
    expect(page.items).toEqual([{ id: '3' }, { id: '2' }]);
    expect(decodeCursor(page.nextCursor!, {}, ID_POSITION)).toEqual({ id: '2' });
    expect(pageOf(rows, 3, (row) => ({ id: row.id }), {}).nextCursor).toBeNull();
  });
});

function refusal(decode: () => unknown) {
  try {
    decode();
  } catch (error) {
    if (error instanceof ProblemError) return { status: error.status, errors: error.errors };
  }
  return undefined;
}
