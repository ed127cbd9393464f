import { isValidIdNumber, isValidMobile, makeIdNumber, STUDY_ABROAD_RETENTION_MONTHS } from '@xianjie/rules';
import { ID_NUMBER_LENGTH, NAME_MAX, EMERGENCY_CONTACT_NAME_MAX, PHONE_LENGTH, RETENTION_MONTHS } from './limits';

// The limits are what a phone's inputs cap and what the API's decorators refuse beyond; where a
// rule of libs/rules decides the same thing, the two must agree or the phone lets through what
// the server refuses (or caps below what the server accepts).
describe('field limits', () => {
  it('a valid mobile is exactly PHONE_LENGTH digits: one more or one less is refused by the rules', () => {
    const digits = (n: number) => `138${'0'.repeat(n - 3)}`;
    expect(isValidMobile(digits(PHONE_LENGTH))).toBe(true);
    expect(isValidMobile(digits(PHONE_LENGTH + 1))).toBe(false);
    expect(isValidMobile(digits(PHONE_LENGTH - 1))).toBe(false);
  });

  it('an ID number the rules accept is ID_NUMBER_LENGTH characters', () => {
    const id = makeIdNumber('420106', '20030101', '123');
    expect(isValidIdNumber(id)).toBe(true);
    expect(id).toHaveLength(ID_NUMBER_LENGTH);
  });

  it('retention months stop at the rules’ study-abroad bound', () => {
    expect(RETENTION_MONTHS.max).toBe(STUDY_ABROAD_RETENTION_MONTHS.max);
    expect(RETENTION_MONTHS.min).toBeGreaterThanOrEqual(1);
  });

  it('an emergency contact is named like any person', () => {
    expect(EMERGENCY_CONTACT_NAME_MAX).toBe(NAME_MAX);
  });
});
