import { basicCredentialsOf, bearerTokenOf } from './authorization-header';

const basic = (text: string) => `Basic ${Buffer.from(text).toString('base64')}`;

describe('Authorization header', () => {
  it('reads Basic credentials, splitting at the first colon', () => {
    expect(basicCredentialsOf(basic('mpp:pa:ss'))).toEqual({ user: 'mpp', password: 'pa:ss' });
    expect(basicCredentialsOf(basic('mpp:'))).toEqual({ user: 'mpp', password: '' });
    expect(basicCredentialsOf(basic('no-colon'))).toBeUndefined();
  });

  it('reads a Bearer token, whatever the scheme case', () => {
    expect(bearerTokenOf('Bearer abc.def')).toBe('abc.def');
    expect(bearerTokenOf('bearer abc')).toBe('abc');
  });

  it('keeps the schemes apart and ignores malformed headers', () => {
    expect(bearerTokenOf(basic('mpp:x'))).toBeUndefined();
    expect(basicCredentialsOf('Bearer abc')).toBeUndefined();
    expect(bearerTokenOf(undefined)).toBeUndefined();
    expect(bearerTokenOf('Bearer')).toBeUndefined();
    expect(bearerTokenOf('Bearer a b')).toBeUndefined();
  });
});
