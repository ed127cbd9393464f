import { namesSchool, schoolNameKey } from './school-name';

describe('schoolNameKey / namesSchool', () => {
  it.each([
    ['楚天大学', '楚天大学团委'],
    [' 楚天大学 ', '共青团楚天大学委员会'],
    ['楚天 大学', '楚天大学团委'],
    ['ＸＸ理工大学', 'XX理工大学团委'], // full-width letters typed on a phone
    ['楚天大学。', '中国共青团楚天大学委员会'],
  ])('%s names %s', (typed, org) => {
    expect(namesSchool(typed, org)).toBe(true);
  });

  it.each([
    ['楚天师范大学', '楚天大学团委'],
    ['楚天大学附属中学', '楚天大学团委'],
    ['团委', '团委'], // nothing left to compare
    ['', '楚天大学团委'],
  ])('%s does not name %s', (typed, org) => {
    expect(namesSchool(typed, org)).toBe(false);
  });

  it('keeps the school part as typed otherwise', () => {
    expect(schoolNameKey('江城工业大学团委')).toBe('江城工业大学');
  });
});
