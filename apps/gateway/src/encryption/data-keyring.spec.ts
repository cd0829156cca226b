import { randomBytes } from 'node:crypto';
import { DataKeyring, DEVELOPMENT_DATA_KEY_ID, type DataKeySettings } from './data-keyring';

const key = () => randomBytes(32).toString('base64');

describe('DataKeyring', () => {
  it('reads several keys and the active one', () => {
    const keyring = DataKeyring.fromSettings({
      GATEWAY_DATA_KEYS: `k2025:${key()}, k2026:${key()}`,
      GATEWAY_DATA_KEY_ID: 'k2026',
    });
    expect(keyring.activeKeyId).toBe('k2026');
    expect(keyring.keyIds).toEqual(['k2025', 'k2026']);
    expect(keyring.key('k2025')).toHaveLength(32);
    expect(keyring.usesDevelopmentKey).toBe(false);
  });

  it('falls back to the development key outside production only', () => {
    const development = DataKeyring.fromSettings({});
    expect(development.activeKeyId).toBe(DEVELOPMENT_DATA_KEY_ID);
    expect(development.usesDevelopmentKey).toBe(true);
    expect(() => DataKeyring.fromSettings({ NODE_ENV: 'production' })).toThrow(
      /required in production/,
    );
    const devKey = development.key(DEVELOPMENT_DATA_KEY_ID)!.toString('base64');
    expect(() =>
      DataKeyring.fromSettings({
        NODE_ENV: 'production',
        GATEWAY_DATA_KEYS: `live:${devKey}`,
        GATEWAY_DATA_KEY_ID: 'live',
      }),
    ).toThrow(/development key/);
  });

  it.each<[string, DataKeySettings, RegExp]>([
    ['only the keys', { GATEWAY_DATA_KEYS: `a:${key()}` }, /set together/],
    ['only the id', { GATEWAY_DATA_KEY_ID: 'a' }, /set together/],
    ['no id', { GATEWAY_DATA_KEYS: key(), GATEWAY_DATA_KEY_ID: 'a' }, /<id>:<base64 key>/],
    ['a bad id', { GATEWAY_DATA_KEYS: `a.b:${key()}`, GATEWAY_DATA_KEY_ID: 'a.b' }, /<id>/],
    [
      'a short key',
      { GATEWAY_DATA_KEYS: `a:${randomBytes(16).toString('base64')}`, GATEWAY_DATA_KEY_ID: 'a' },
      /32 bytes/,
    ],
    ['not base64', { GATEWAY_DATA_KEYS: `a:${'!'.repeat(44)}`, GATEWAY_DATA_KEY_ID: 'a' }, /32/],
    [
      'an id twice',
      { GATEWAY_DATA_KEYS: `a:${key()},a:${key()}`, GATEWAY_DATA_KEY_ID: 'a' },
      /twice/,
    ],
    ['an unknown active id', { GATEWAY_DATA_KEYS: `a:${key()}`, GATEWAY_DATA_KEY_ID: 'b' }, /"b"/],
  ])('refuses %s, without quoting any key', (_case, settings, message) => {
    let error: Error | undefined;
    try {
      DataKeyring.fromSettings(settings);
    } catch (caught) {
      error = caught as Error;
    }
    expect(error?.message).toMatch(message);
    for (const value of (settings.GATEWAY_DATA_KEYS ?? '').split(/[,:]/)) {
      if (value.length >= 20) expect(error?.message).not.toContain(value);
    }
  });
});
