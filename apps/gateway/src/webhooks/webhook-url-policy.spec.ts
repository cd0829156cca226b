import { isPublicAddress, webhookUrlRefusal } from './webhook-url-policy';

describe('webhookUrlRefusal', () => {
  it.each([
    'https://kiosk.batam.go.id/mpp/webhook',
    'https://kiosk.batam.go.id:8443/hook?token=abc',
    'https://203.0.114.9/hook',
  ])('accepts %s everywhere', (url) => {
    expect(webhookUrlRefusal(url, true)).toBeUndefined();
    expect(webhookUrlRefusal(url, false)).toBeUndefined();
  });

  it.each([
    'http://localhost:4000/hook',
    'http://127.0.0.1:4000/hook',
    'http://[::1]:4000/hook',
    'https://10.1.2.3/hook',
  ])('accepts %s outside production only', (url) => {
    expect(webhookUrlRefusal(url, false)).toBeUndefined();
    expect(webhookUrlRefusal(url, true)).toBeDefined();
  });

  it.each([
    ['plain http elsewhere', 'http://kiosk.batam.go.id/hook', /https/],
    ['another scheme', 'ftp://kiosk.batam.go.id/hook', /https/],
    ['a file', 'file:///etc/passwd', /https/],
    ['credentials', 'https://user:secret@kiosk.batam.go.id/hook', /credentials/],
    ['a fragment', 'https://kiosk.batam.go.id/hook#x', /fragment/],
    ['no URL at all', 'kiosk.batam.go.id/hook', /absolute URL/],
  ])('refuses %s', (_case, url, why) => {
    expect(webhookUrlRefusal(url, false)).toMatch(why);
    expect(webhookUrlRefusal(url, true)).toMatch(why);
  });

  it.each([
    'https://169.254.169.254/latest/meta-data',
    'https://192.168.1.10/hook',
    'https://172.20.0.5/hook',
    'https://100.64.0.1/hook',
    'https://[fd00::1]/hook',
    'https://[fe80::1]/hook',
    'https://[::ffff:10.0.0.1]/hook',
    'https://2130706433/hook',
    'https://localhost/hook',
    'https://metadata/hook',
  ])('refuses %s in production', (url) => {
    expect(webhookUrlRefusal(url, true)).toMatch(/public host/);
  });
});

describe('isPublicAddress', () => {
  it('tells public addresses from local, private and reserved ones', () => {
    expect(isPublicAddress('8.8.8.8')).toBe(true);
    expect(isPublicAddress('2001:4860:4860::8888')).toBe(true);
    for (const address of [
      '127.0.0.1',
      '10.0.0.1',
      '169.254.169.254',
      '::1',
      '::',
      '::ffff:192.168.0.1',
    ]) {
      expect(isPublicAddress(address)).toBe(false);
    }
    expect(isPublicAddress('not-an-address')).toBe(false);
  });
});
