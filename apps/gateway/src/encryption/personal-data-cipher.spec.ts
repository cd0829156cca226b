import { randomBytes } from 'node:crypto';
import { DataKeyring } from './data-keyring';
import { isSealed, PersonalDataCipher, PersonalDataUnreadable } from './personal-data-cipher';

const applicant = { nik: '2171015508900001', name: 'Siti Aminah', contact: { phone: '0812' } };
const keys = { old: randomBytes(32).toString('base64'), next: randomBytes(32).toString('base64') };

function cipher(keysListed: string, active: string): PersonalDataCipher {
  return new PersonalDataCipher(
    DataKeyring.fromSettings({ GATEWAY_DATA_KEYS: keysListed, GATEWAY_DATA_KEY_ID: active }),
  );
}

describe('PersonalDataCipher', () => {
  const before = cipher(`old:${keys.old}`, 'old');

  it('seals into a value that shows nothing and opens where it was sealed', () => {
    const sealed = before.seal(applicant, 'application:1:applicant');
    expect(isSealed(sealed)).toBe(true);
    expect(sealed.kid).toBe('old');
    expect(JSON.stringify(sealed)).not.toMatch(/2171015508900001|Siti/);
    expect(before.open(sealed, 'application:1:applicant')).toEqual(applicant);
    expect(before.seal(applicant, 'x').iv).not.toBe(before.seal(applicant, 'x').iv);
  });

  it('refuses a value moved to another row', () => {
    const sealed = before.seal(applicant, 'application:1:applicant');
    expect(() => before.open(sealed, 'application:2:applicant')).toThrow(PersonalDataUnreadable);
  });

  it('opens values sealed before a rotation and seals new ones with the active key', () => {
    const sealed = before.seal(applicant, 'c');
    const after = cipher(`old:${keys.old},next:${keys.next}`, 'next');
    expect(after.open(sealed, 'c')).toEqual(applicant);
    expect(after.seal(applicant, 'c').kid).toBe('next');
  });

  it('fails loudly with a wrong or missing key, naming the key id only', () => {
    const sealed = before.seal(applicant, 'c');
    const wrong = cipher(`old:${keys.next}`, 'old');
    expect(() => wrong.open(sealed, 'c')).toThrow(/data key "old" cannot be decrypted/);
    const without = cipher(`next:${keys.next}`, 'next');
    expect(() => without.open(sealed, 'c')).toThrow(/not in GATEWAY_DATA_KEYS/);
  });

  it('refuses an altered ciphertext', () => {
    const sealed = before.seal(applicant, 'c');
    const bytes = Buffer.from(sealed.ct, 'base64');
    bytes[0] ^= 1;
    expect(() => before.open({ ...sealed, ct: bytes.toString('base64') }, 'c')).toThrow(
      PersonalDataUnreadable,
    );
  });

  it('passes on a value that was never sealed', () => {
    expect(before.open(applicant, 'c')).toEqual(applicant);
  });
});
