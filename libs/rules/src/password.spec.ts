import { isSimpleDigits } from './common-passwords';
import { isGuessablePassword, passwordProblem } from './password';

const ID = '420111200201101019';

describe('passwordProblem', () => {
  it.each([
    ['Short1!', '长度'],
    ['x'.repeat(65), '长度'],
    ['abcdefgh', '至少三种'],
    ['Xy!01101019', '后 8 位'],
    ['Xaaaa!123z', '连续相同'],
  ])('%s → %s', (password, words) => {
    expect(passwordProblem(password, ID)).toContain(words);
  });

  it.each(['Password1', 'Qwerty123', 'P@ssw0rd123', 'Pa55word!', 'Abcd1234!', 'Aa123456!', 'Woaini1314!', 'Qwertyui12', 'Zxcvbnm!2024', 'Admin@2025', 'Abc123!!'])(
    'refuses the common %s',
    (password) => {
      expect(passwordProblem(password, ID)).toBe('新密码过于常见或取自身份证号，容易被猜中，请换一个');
    },
  );

  it.each(['Aa!20020110', '4201112002Ab', 'Aa!020110', 'x420111200201Y'])('refuses %s, taken from the ID number', (password) => {
    expect(isGuessablePassword(password, ID)).toBe(true);
    expect(passwordProblem(password, ID)).not.toBeNull();
  });

  it.each(['Tz#river-2026', 'Xj!112002#ok', 'Lake.Shore7', 'Gq#7mV2p'])('accepts %s', (password) => {
    expect(passwordProblem(password, ID)).toBeNull();
  });

  it('works without an ID number and with a lower-case x check character', () => {
    expect(passwordProblem('Tz#river-2026')).toBeNull();
    expect(isGuessablePassword('Ab!0909503x', '42010220030909503x')).toBe(true);
  });
});

describe('isSimpleDigits', () => {
  it.each(['', '7', '123', '1111', '123456', '987654', '2024', '1314', '5201314', '8888'])('%s is simple', (d) => expect(isSimpleDigits(d)).toBe(true));
  it.each(['7391', '274819', '3050'])('%s is not', (d) => expect(isSimpleDigits(d)).toBe(false));
});
