import { changeComment, describeChanges, type ApplicationState } from './application-changes';

const base: ApplicationState = {
  answers: { destination: 'employed', employerHasLeagueOrg: true },
  receiver: '东风智造集团有限公司团委',
  remarks: null,
  emergencyContact: { name: '母亲', phone: '13900001111' },
  retention: null,
};

describe('describeChanges', () => {
  it('is empty when nothing changed, whatever the key order of the answers', () => {
    expect(describeChanges(base, { ...base, answers: { employerHasLeagueOrg: true, destination: 'employed' } })).toEqual([]);
  });

  it('names each changed part, the receiver and destination with before and after', () => {
    const after: ApplicationState = {
      answers: { destination: 'unplaced', unplacedPlan: 'transfer-home' },
      receiver: '学社衔接临时团支部',
      remarks: '改回家乡',
      emergencyContact: { name: '母亲', phone: '13900002222' },
      retention: null,
    };
    const changes = describeChanges(base, after);
    expect(changes).toEqual([
      expect.stringMatching(/^毕业去向（.+ → .+）$/),
      '接收组织（东风智造集团有限公司团委 → 学社衔接临时团支部）',
      '备注',
      '紧急联系人',
    ]);
    // No phone numbers in the history.
    expect(changes.join('')).not.toMatch(/\d{11}/);
  });

  it('says the questionnaire changed when the destination stayed', () => {
    expect(describeChanges(base, { ...base, answers: { destination: 'employed', employerHasLeagueOrg: false } })).toEqual(['问卷回答']);
  });
});

describe('changeComment', () => {
  it('joins the parts and stays within 500 characters', () => {
    expect(changeComment(['备注', '紧急联系人'])).toBe('修改了申请：备注；紧急联系人');
    expect([...changeComment(['接'.repeat(800)])]).toHaveLength(500);
  });
});
