import { leagueOrgNameProblem } from './league-org-name';

describe('leagueOrgNameProblem (a cross-system receiver typed in full)', () => {
  it.each(['共青团北京大学委员会', '北京星河科技有限公司团委', '广州某某科技有限公司团支部', '福建某某集团团总支', '北京市海淀区中关村街道团工委', ' 北京星河科技有限公司团委 '])(
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
  ])('refuses %s', (name, why) => expect(leagueOrgNameProblem(name)).toMatch(why));
});
