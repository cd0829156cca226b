import { createHmac } from 'node:crypto';
import { signedCallbackHeaders } from './land-callback-signature';

describe('signedCallbackHeaders', () => {
  it('signs "<unix seconds>.<raw body>" with HMAC-SHA256', () => {
    const body = '{"status":"DITERIMA"}';
    const headers = signedCallbackHeaders('rahasia', body, new Date('2025-03-03T01:00:00.900Z'));
    expect(headers['X-BPB-Timestamp']).toBe('1740963600');
    const expected = createHmac('sha256', 'rahasia').update(`1740963600.${body}`).digest('hex');
    expect(headers['X-BPB-Signature']).toBe(`sha256=${expected}`);
  });
});
