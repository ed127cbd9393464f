import { leagueOrgNameProblem } from './league-org-name';

describe('leagueOrgNameProblem (a cross-system receiver typed in full)', () => {
  it.each([
    '共青团北京大学委员会', '北京星河科技有限公司团委', '广州某某科技有限公司团支部', '福建某某集团团总支', '北京市海淀区中关村街道团工委',
    ' 北京星河科技有限公司团委 ', '中国共产主义青年团北京市委员会', '共青团北京市海淀区委', '北京星河科技（集团）有限公司团委', '北京101中学团委',
  ])(
    'accepts %s',
    (name) => expect(leagueOrgNameProblem(name)).toBeNull(),
  );

  it.each([
    ['abcdefgh团委', /至少 6 个汉字/],
    ['北大团委', /至少 6 个汉字/],
    ['', /至少 6 个汉字/],
    ['北京星河科技有限公司', /结尾/],
    ['北京的一家互联网公司', /结尾/],
    ['北京星河科技有限公司团委。', /结尾/],
    ['北京市教育委员会', /结尾/],
    ['朝阳区某某社区居民委员会', /结尾/],
    ['北京星河科技有限公司党支部', /党组织/],
    ['中关村街道党工委', /党组织/],
    ['中共北京市海淀区委员会', /党组织/],
  ])('refuses %s', (name, why) => expect(leagueOrgNameProblem(name)).toMatch(why));
});
