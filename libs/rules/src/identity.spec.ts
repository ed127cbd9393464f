import {
  idCheckChar, initialPassword, isOwnPhoneAsContact, isValidIdNumber, isValidMobile, makeIdNumber, maskIdNumber, maskMobile,
  normalizeIdNumber,
} from './identity';

describe('isValidIdNumber (GB 11643)', () => {
  it.each([
    ['the standard\'s own example, check X', '11010519491231002X'],
    ['a generated Wuhan graduate', makeIdNumber('420106', '20030915', '123')],
    ['born on a leap day', makeIdNumber('420106', '20000229', '001')],
    ['born in 1900', makeIdNumber('110105', '19000101', '001')],
  ])('accepts %s', (_name, id) => {
    expect(isValidIdNumber(id)).toBe(true);
  });

  const good = makeIdNumber('420106', '20030915', '123');
  const wrongCheck = good.slice(0, 17) + (good[17] === '0' ? '1' : '0');

  it.each([
    ['a wrong check character', wrongCheck],
    ['a lower-case x (normalise first)', '11010519491231002x'],
    ['17 characters', good.slice(0, 17)],
    ['19 characters', good + '1'],
    ['letters inside', '4201062003O9151234'],
    ['a region starting with 0', makeIdNumber('020106', '20030915', '123')],
    ['Feb 29 in a non-leap year', makeIdNumber('420106', '20230229', '123')],
    ['Feb 29 in 1900 (not a leap year)', makeIdNumber('420106', '19000229', '123')],
    ['month 13', makeIdNumber('420106', '20031301', '123')],
    ['month 00', makeIdNumber('420106', '20030001', '123')],
    ['day 00', makeIdNumber('420106', '20030900', '123')],
    ['April 31', makeIdNumber('420106', '20030431', '123')],
    ['a year before 1900', makeIdNumber('420106', '18991231', '123')],
    ['the standard\'s 1880 example: no living league member', '440524188001010014'],
    ['spaces around', ` ${good} `],
    ['empty', ''],
    ['not a string', 420106200309151234 as unknown as string],
  ])('refuses %s', (_name, id) => {
    expect(isValidIdNumber(id)).toBe(false);
  });

  describe('with a clock', () => {
    const born = makeIdNumber('420106', '20240601', '123');
    // 2024-05-31T16:00Z is already June 1 in Beijing.
    it('accepts a birth date up to today in Beijing', () => {
      expect(isValidIdNumber(born, new Date('2024-05-31T16:00:00Z'))).toBe(true);
    });
    it('refuses a birth date in the future', () => {
      expect(isValidIdNumber(born, new Date('2024-05-31T15:59:59Z'))).toBe(false);
    });
  });
});

describe('normalizeIdNumber', () => {
  it('trims and upper-cases, so a typed x is accepted afterwards', () => {
    expect(normalizeIdNumber(' 11010519491231002x ')).toBe('11010519491231002X');
    expect(isValidIdNumber(normalizeIdNumber('11010519491231002x'))).toBe(true);
  });
});

describe('makeIdNumber and idCheckChar', () => {
  it('computes the MOD 11-2 check character', () => {
    expect(makeIdNumber('110105', '19491231', '002')).toBe('11010519491231002X');
    expect(idCheckChar('44052418800101001')).toBe('4');
  });

  it.each([
    ['region', ['11010', '19491231', '002']],
    ['birth', ['110105', '1949-12-31', '002']],
    ['sequence', ['110105', '19491231', '02']],
  ])('refuses a malformed %s', (_name, args) => {
    const [r, b, s] = args as [string, string, string];
    expect(() => makeIdNumber(r, b, s)).toThrow(RangeError);
  });

  it('refuses to check non-digits', () => {
    expect(() => idCheckChar('4405241880010100A')).toThrow(RangeError);
  });
});

describe('maskIdNumber', () => {
  it('keeps the first 6 and last 4 of a full number', () => {
    expect(maskIdNumber('11010519491231002X')).toBe('110105********002X');
  });

  it.each([
    ['17 characters', '42010620030915123', '420106********123'],
    ['11 characters', '42010620030', '42********0'],
    ['9 characters', '420106200', '4********'],
    ['8 characters: all hidden', '42010620', '********'],
    ['3 characters', 'abc', '***'],
    ['empty', '', ''],
    ['too long', '4201062003091512345678', '420106************5678'],
  ])('never shows more on %s', (_name, input, masked) => {
    expect(maskIdNumber(input)).toBe(masked);
  });

  it('survives a missing value', () => {
    expect(maskIdNumber(undefined as unknown as string)).toBe('');
  });
});

describe('mobile numbers', () => {
  it.each(['13812345678', '19912345678', '15000000000'])('accepts %s', (p) => {
    expect(isValidMobile(p)).toBe(true);
  });

  it.each(['12812345678', '1381234567', '138123456789', '+8613812345678', '1381234567a', ''])('refuses %s', (p) => {
    expect(isValidMobile(p)).toBe(false);
  });

  it('refuses a non-string', () => {
    expect(isValidMobile(13812345678 as unknown as string)).toBe(false);
  });

  it('an emergency contact is someone else: the own mobile, spaces aside, is refused; no own mobile known refuses nothing', () => {
    expect(isOwnPhoneAsContact(' 13812345678', '13812345678')).toBe(true);
    expect(isOwnPhoneAsContact('13812345679', '13812345678')).toBe(false);
    expect(isOwnPhoneAsContact('13812345678', undefined)).toBe(false);
    expect(isOwnPhoneAsContact('', '')).toBe(false);
  });

  it.each([
    ['13812345678', '138****5678'],
    ['1381234567', '138****567'],
    ['12345', '1****'],
    ['1234', '****'],
  ])('masks %s as %s', (input, masked) => {
    expect(maskMobile(input)).toBe(masked);
  });
});

describe('initialPassword', () => {
  it('is the last 8 characters, with the check X upper-cased', () => {
    expect(initialPassword('11010519491231002x')).toBe('1231002X');
    expect(initialPassword('440524188001010014')).toBe('01010014');
  });
});
