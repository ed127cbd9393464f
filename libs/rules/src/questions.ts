import type { Question, QuestionId, QuestionOption } from './types';

/**
 * The questionnaire's wording, as data: the mini program renders a question from this alone.
 * Written for a graduate, not for an admin — the help texts answer the doubts that
 * most often send a membership to the wrong place.
 */

/** 毕业去向 */
const destination: Question = {
  id: 'destination',
  kind: 'single',
  prompt: '毕业后你的去向是？',
  help:
    '按你实际要去的地方选择。人事档案转到哪里，不决定团组织关系转到哪里；' +
    '入团志愿书、团员证丢失，也不影响在线转接。',
  options: [
    {
      value: 'further-study',
      label: '国内升学',
      help: '考研、考博、专升本、预科转本科等，在国内继续读书。到国(境)外读书不算升学，请选“出国(境)学习研究”。',
    },
    { value: 'employed', label: '已落实工作单位（含自主创业）', help: '签约就业、考上公务员或事业单位、自主创业等。' },
    { value: 'work-abroad-official', label: '因公出国(境)工作', help: '由工作单位派到国(境)外工作。' },
    { value: 'military', label: '参军入伍', help: '应征入伍到部队服役。' },
    { value: 'classified', label: '到涉密单位工作', help: '工作单位按规定需要保密，不便在系统中填写具体单位。' },
    {
      value: 'study-abroad',
      label: '出国(境)学习研究',
      help: '到国(境)外读书、做研究或交流学习。它不算“升学”：团组织关系保留在母校的出国(境)学习研究团员团支部。',
    },
    { value: 'abroad-private', label: '因私出国(境)（不是去学习）', help: '因私出国(境)定居、探亲等，既不是去读书，也不是单位派出。' },
    { value: 'unplaced', label: '暂未落实去向', help: '还没有确定工作或升学，包括准备再次考研、考公等。' },
    { value: 'delayed-graduation', label: '延迟毕业', help: '今年不能按时毕业，继续在校学习。' },
    { value: 'suspended', label: '休学', help: '办理了休学，以后回到新的班级继续学习。' },
  ],
};

/** 团员身份 — defaults to true; asked so a wrongly entered non-member has a way out. */
const isLeagueMember: Question = {
  id: 'isLeagueMember',
  kind: 'single',
  prompt: '你目前是共青团员吗？',
  help:
    '28周岁以下的中共党员（含预备党员）仍保留团籍，和其他团员一样转接团组织关系，请选“是”。' +
    '如果你从来没有入团，却被误录为团员，请选“不是”。',
  options: [
    { value: true, label: '是，我是团员' },
    { value: false, label: '不是，我被误录为团员', help: '不需要转接，申请删除误录的信息：学校团委核实，省级团委删除。' },
  ],
};

/** 系统中是否有团员信息 — defaults to true; a logged-in member may be prefilled with true. */
const inSystem: Question = {
  id: 'inSystem',
  kind: 'single',
  prompt: '在系统里能查到你的团员信息吗？',
  help: '能登录本小程序并看到自己团员信息的，选“能查到”。学校团组织告诉你系统里没有你的信息的，选“查不到”。',
  options: [
    { value: true, label: '能查到' },
    { value: false, label: '查不到', help: '要先由学校团组织把你录入系统，再办理转接。' },
  ],
};

const employerHasLeagueOrg: Question = {
  id: 'employerHasLeagueOrg',
  kind: 'single',
  prompt: '你的工作单位（因公出国(境)的，指派出你的单位）有团组织吗？',
  help:
    '可以问单位的人事部门或团组织。单位有团组织的，转到单位团组织；没有的，转到单位所在地或你居住地的乡镇（街道）团组织。' +
    '在乡镇（街道）机关工作的，请选“没有”，直接转到所在的乡镇（街道）团组织。',
  options: [
    { value: true, label: '有' },
    { value: false, label: '没有' },
  ],
};

const admittedSchoolOrgReady: Question = {
  id: 'admittedSchoolOrgReady',
  kind: 'single',
  prompt: '录取你的学校已经建好新生团组织了吗？',
  help:
    '新学校一般在开学后一个月内建好新生团组织，可以问新学校的辅导员或团委。' +
    '还没建好也没关系：团组织关系先留在母校，建好后再转。无论哪种情况，都不能转回家乡的乡镇（街道）团组织。',
  options: [
    { value: true, label: '已经建好，能在系统里找到' },
    { value: false, label: '还没有，或者不确定' },
  ],
};

const unplacedPlan: Question = {
  id: 'unplacedPlan',
  kind: 'single',
  prompt: '暂未落实去向，你的团组织关系打算怎么安排？',
  help:
    '可以转回户籍地、生源地或居住地的乡镇（街道）团组织；也可以暂时保留在学校的流动团员团支部，' +
    '一般不超过6个月，最长不超过12个月，落实去向后要尽快转出。',
  options: [
    { value: 'transfer-home', label: '转回户籍地、生源地或居住地的乡镇（街道）团组织' },
    { value: 'retain-at-school', label: '暂时保留在学校（流动团员团支部）', help: '一般不超过6个月，最长不超过12个月。' },
  ],
};

/**
 * Never asked any more (the server counts the months from the graduation date it holds); kept as
 * data because the contract's `Answers` still carries the field, so it has a label and a name in errors.
 */
const monthsSinceGraduation: Question = {
  id: 'monthsSinceGraduation',
  kind: 'number',
  prompt: '你已经毕业几个月了？',
  help:
    '从毕业时算起，不满1个月填0。保留在学校最长不超过12个月：已满12个月的不能再保留，' +
    '请回到上一题，改选转回户籍地、生源地或居住地的乡镇（街道）团组织。',
  options: [],
  min: 0,
  max: 120,
  unit: '个月',
};

const receiverRegion: Question = {
  id: 'receiverRegion',
  kind: 'single',
  prompt: '你要转入的团组织在哪个省（区、市）？',
  help:
    '北京、广东、福建使用各自的团员管理系统，转往这三地属于跨系统转接：必须由学校团组织（转出组织）为你发起，' +
    '要准确填写接收组织的全称，提交后不能撤回。' +
    '中央单位（中直单位）在北京的团组织属于全国系统，不算跨系统：请选“其他省（区、市）”，' +
    '再在团中央下选择中央和国家机关团工委或本单位的团组织。',
  options: [
    { value: 'other', label: '其他省（区、市）' },
    { value: 'beijing', label: '北京' },
    { value: 'guangdong', label: '广东' },
    { value: 'fujian', label: '福建' },
  ],
};

/** Every question, keyed by the answer it fills. */
export const questions: Readonly<Record<QuestionId, Question>> = {
  destination,
  isLeagueMember,
  inSystem,
  employerHasLeagueOrg,
  admittedSchoolOrgReady,
  unplacedPlan,
  monthsSinceGraduation,
  receiverRegion,
};

/**
 * The same questions as an admin reads them when answering for a member (代为发起, 发起转入):
 * about "该团员", never "你" — the admin is not the one graduating. Same ids, values and order;
 * only the words change, written out where a word swap would read badly.
 */
type Wording = Partial<Pick<Question, 'prompt' | 'help'>> & { options?: Record<string, Partial<Pick<QuestionOption, 'label' | 'help'>>> };

const ABOUT_MEMBER: Record<QuestionId, Wording> = {
  destination: {
    prompt: '该团员毕业后的去向是？',
    help: '按该团员实际要去的地方选择。人事档案转到哪里，不决定团组织关系转到哪里；入团志愿书、团员证丢失，也不影响在线转接。',
  },
  isLeagueMember: {
    prompt: '该团员目前是共青团员吗？',
    help: '28周岁以下的中共党员（含预备党员）仍保留团籍，和其他团员一样转接团组织关系，请选“是”。从来没有入团、被误录为团员的，请选“不是”。',
    options: { true: { label: '是，是团员' }, false: { label: '不是，被误录为团员' } },
  },
  inSystem: {
    prompt: '在系统里能查到该团员的团员信息吗？',
    help: '在成员列表里能找到该团员，或按身份证号和姓名能查到的，选“能查到”。',
    options: { false: { help: '要先由该团员所在的学校团组织把其录入系统，再办理转接。' } },
  },
  employerHasLeagueOrg: {
    prompt: '该团员的工作单位（因公出国(境)的，指派出其的单位）有团组织吗？',
    help:
      '单位有团组织的，转到单位团组织；没有的，转到单位所在地或该团员居住地的乡镇（街道）团组织。' +
      '在乡镇（街道）机关工作的，请选“没有”，直接转到所在的乡镇（街道）团组织。',
  },
  admittedSchoolOrgReady: { prompt: '录取该团员的学校已经建好新生团组织了吗？' },
  unplacedPlan: { prompt: '暂未落实去向，该团员的团组织关系打算怎么安排？' },
  monthsSinceGraduation: { prompt: '该团员已经毕业几个月了？' },
  receiverRegion: {
    prompt: '该团员要转入的团组织在哪个省（区、市）？',
    help:
      '北京、广东、福建使用各自的团员管理系统，转往这三地属于跨系统转接：必须由学校团组织（转出组织）发起，' +
      '要准确填写接收组织的全称，提交后不能撤回。' +
      '中央单位（中直单位）在北京的团组织属于全国系统，不算跨系统：请选“其他省（区、市）”，' +
      '再在团中央下选择中央和国家机关团工委或本单位的团组织。',
  },
};

function aboutMember(q: Question): Question {
  const w = ABOUT_MEMBER[q.id];
  const base = { ...q, prompt: w.prompt ?? q.prompt, help: w.help ?? q.help };
  if (q.kind !== 'single') return base as Question;
  return { ...base, options: q.options.map((o) => ({ ...o, ...w.options?.[String(o.value)] })) } as Question;
}

/** Every question worded for an admin answering for a member. */
export const questionsAboutMember: Readonly<Record<QuestionId, Question>> = Object.fromEntries(
  Object.entries(questions).map(([id, q]) => [id, aboutMember(q)]),
) as Record<QuestionId, Question>;
