import { resolve, type Answers } from '@xianjie/rules';
import { buildApplication, reasonOf } from './application';

const chain = [
  { id: 'hubei', name: '共青团湖北省委' }, { id: 'chutian', name: '楚天大学团委' }, { id: 'cs', name: '计算机学院团委' }, { id: 'cs-2201', name: '计算机2201班团支部' },
];
const base = {
  person: { name: '李明', idNumber: '420111200201101019', phone: '13827000001' },
  branch: { id: 'cs-2201', name: '计算机2201班团支部' },
  chain,
  school: { id: 'chutian' },
  now: new Date('2026-07-01T02:00:00.000Z'),
  remarks: null,
  emergencyContact: null,
  retention: null,
};
const answers: Answers = { destination: 'employed', employerHasLeagueOrg: true };
const receiver = { targetOrgId: 'dongfeng', targetOrgName: '东风团委', receiverProvince: 'hubei', receiverIsBranch: false };

describe('buildApplication', () => {
  it('names the nearest admin as the outgoing admin and the next one up as the superior', () => {
    const admins = [
      { orgId: 'cs-2201', name: '许同学', phone: '13927000003' },
      { orgId: 'cs', name: '王老师', phone: '13927000002' },
      { orgId: 'chutian', name: '林书记', phone: '13927000001' },
    ];
    const a = buildApplication({ ...base, admins, resolution: resolve(answers), answers, receiver });
    expect(a).toMatchObject({
      idNumberMasked: '420111********1019', outgoingAdmin: { name: '许同学', phone: '13927000003' }, superiorPhone: '13927000002',
      reason: '已落实工作单位（含自主创业）', receiver: '东风团委', separateSystemProvince: null,
    });
    const noSecretary = buildApplication({ ...base, admins: admins.slice(1), resolution: resolve(answers), answers, receiver });
    expect(noSecretary).toMatchObject({ outgoingAdmin: { name: '王老师' }, superiorPhone: '13927000001' });
    expect(buildApplication({ ...base, admins: [], resolution: resolve(answers), answers, receiver })).toMatchObject({ outgoingAdmin: null, superiorPhone: null });
  });

  it('records the outgoing branch’s orgs by name, root first: the receiver sees which school the member comes from', () => {
    const a = buildApplication({ ...base, admins: [], resolution: resolve(answers), answers, receiver });
    expect(a.outgoingOrgPath).toEqual(['楚天大学团委', '计算机学院团委', '计算机2201班团支部']);
    // A 团总支 between college and class does not push the school out.
    const deeper = [...chain.slice(0, 3), { id: 'cs-22', name: '计算机2022级团总支' }, chain[3]];
    expect(buildApplication({ ...base, chain: deeper, admins: [], resolution: resolve(answers), answers, receiver }).outgoingOrgPath)
      .toEqual(['楚天大学团委', '计算机学院团委', '计算机2022级团总支', '计算机2201班团支部']);
    // Outside a school (a pull-in from an employer): its last three levels.
    const employer = [{ id: 'hubei', name: '共青团湖北省委' }, { id: 'wuhan', name: '共青团武汉市委' }, { id: 'dongfeng', name: '东风智造集团有限公司团委' }, { id: 'rd', name: '研发中心团支部' }];
    expect(buildApplication({ ...base, chain: employer, school: null, admins: [], resolution: resolve(answers), answers, receiver }).outgoingOrgPath)
      .toEqual(['共青团武汉市委', '东风智造集团有限公司团委', '研发中心团支部']);
  });

  it('carries the home the member reported on a transfer to a township only', () => {
    const home = { householdRegistration: '湖北省武汉市洪山区关山街道', residence: null };
    const township: Answers = { destination: 'employed', employerHasLeagueOrg: false };
    const toTownship = { ...receiver, targetOrgId: 'guanshan-transition', targetOrgName: '学社衔接临时团支部' };
    expect(buildApplication({ ...base, admins: [], resolution: resolve(township), answers: township, receiver: toTownship, reportedHome: home }).reportedHome).toEqual(home);
    expect(buildApplication({ ...base, admins: [], resolution: resolve(township), answers: township, receiver: toTownship }).reportedHome).toBeNull();
    expect(buildApplication({ ...base, admins: [], resolution: resolve(answers), answers, receiver, reportedHome: home })).not.toHaveProperty('reportedHome');
  });

  it('flags the separate-system province', () => {
    const cross: Answers = { ...answers, receiverRegion: 'fujian' };
    const a = buildApplication({ ...base, admins: [], resolution: resolve(cross), answers: cross, receiver: { ...receiver, targetOrgId: null, receiverProvince: 'fujian' } });
    expect(a.separateSystemProvince).toBe('fujian');
  });
});

describe('reasonOf', () => {
  it('uses the words the graduate picked', () => {
    const military: Answers = { destination: 'military' };
    expect(reasonOf(resolve(military), military)).toBe('转往特殊单位团组织（参军入伍）');
    const delayed: Answers = { destination: 'delayed-graduation' };
    expect(reasonOf(resolve(delayed), delayed)).toBe('保留在校（延迟毕业）');
  });
});
