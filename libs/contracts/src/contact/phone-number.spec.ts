import { checkPhoneNumber } from './phone-number';

describe('checkPhoneNumber', () => {
  it.each([
    ['a mobile with the trunk prefix', '081234567890', 'mobile', '+6281234567890'],
    ['a mobile with +62', '+6281234567890', 'mobile', '+6281234567890'],
    ['a mobile with 62', '6281234567890', 'mobile', '+6281234567890'],
    ['the shortest mobile (9-digit NSN)', '0812345678', 'mobile', '+62812345678'],
    ['the longest mobile (12-digit NSN)', '0881234567890', 'mobile', '+62881234567890'],
    ['a Batam landline (0778, 6 digits)', '0778461234', 'landline', '+62778461234'],
    ['a Batam landline with +62', '+62778461234', 'landline', '+62778461234'],
    ['a Jakarta landline (021, 8 digits)', '02112345678', 'landline', '+622112345678'],
    ['a Jakarta landline (021, 7 digits)', '0211234567', 'landline', '+62211234567'],
    ['a rural landline (3-digit area, 5 digits)', '062712345', 'landline', '+6262712345'],
    ['a Papua landline (0901)', '090112345678', 'landline', '+6290112345678'],
  ])('accepts %s', (_case, value, kind, e164) => {
    expect(checkPhoneNumber(value)).toEqual({ valid: true, kind, e164 });
  });

  it.each([
    ['no prefix', '81234567890', 'format'],
    ['separators', '0812-3456-7890', 'format'],
    ['spaces', '0812 3456 7890', 'format'],
    ['letters', '08123456789O', 'format'],
    ['another country', '+6581234567', 'format'],
    ['a trunk prefix after the country code', '+62081234567890', 'format'],
    ['a short code', '0112', 'format'],
    ['nothing after the prefix', '+62', 'format'],
    ['a mobile of 8 digits (NSN)', '08123456', 'mobile'],
    ['a mobile of 13 digits (NSN)', '08123456789012', 'mobile'],
    ['the unallocated 84 range', '084123456789', 'mobile'],
    ['a toll-free number', '08001234567', 'mobile'],
    ['Jakarta with 6 subscriber digits', '021123456', 'landline'],
    ['Jakarta with 9 subscriber digits', '021123456789', 'landline'],
    ['Batam with 4 subscriber digits', '07781234', 'landline'],
    ['Batam with 9 subscriber digits', '0778123456789', 'landline'],
  ])('refuses %s', (_case, value, problem) => {
    expect(checkPhoneNumber(value)).toEqual({ valid: false, problem });
  });
});
