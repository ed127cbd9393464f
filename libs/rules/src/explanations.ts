import type { ReceiverRegion } from './types';

/**
 * The sentences `resolve` shows the graduate. Kept apart from the rules so the wording can
 * be reviewed in one place; each is a whole sentence in plain Chinese.
 */

const REGION_NAMES: Record<Exclude<ReceiverRegion, 'other'>, string> = {
  beijing: '北京',
  guangdong: '广东',
  fujian: '福建',
};

export const say = {
  crossSystem: (region: Exclude<ReceiverRegion, 'other'>): string =>
    `接收组织在${REGION_NAMES[region]}，当地使用自己的团员管理系统，属于跨系统转接：` +
    '需要由学校团组织（转出组织）为你发起，并准确填写接收组织的全称，由对方系统办理接收。',
  withdrawBeforeReceiver: '接收组织审批之前，你可以撤回申请。',
  withdrawBeforeProvincial: '省级团委审核之前，你可以撤回申请。',
  withdrawBeforeCollege: '院系团委审批之前，你可以撤回申请。',
  noWithdraw: '跨系统转接提交后不能撤回，请仔细核对接收组织的全称。',
  townshipMayRefuse:
    '如果乡镇（街道）团组织不接收，请先和学校一起与它沟通；仍不接收的，由学校向它的上级团组织反映，' +
    '其间学校可以把你暂时保留在流动团员团支部（一般不超过6个月）。',
  youthHome: '当地青年之家的团组织也可以接收你。',
  neverHomeTownship: '升学的团员不能把团组织关系转回家乡的乡镇（街道）团组织。',

  furtherStudy: '你已被国内学校录取，团组织关系要转到录取学校的团组织。',
  admittedSchoolNotReady: '录取学校还没有建好新生团组织，团组织关系先留在母校，现在不用办理。',
  admittedSchoolLater: '新学校一般在开学后一个月内建好新生团组织，建好后再办理转接（新学校也可以直接发起）。',
  admittedSchoolReady: '请选择录取学校的新生团组织或学校团委，由它审批接收。',

  employerOrg: '你的工作单位有团组织，团组织关系转到单位团组织，由单位团组织审批接收。',
  employerOrgNotTownship: '单位有团组织的，不能转到乡镇（街道）团组织。',
  employerNoOrg: '你的工作单位没有团组织，团组织关系转到单位所在地或你居住地的乡镇（街道）团组织。',
  dispatchingOrg: '团组织关系转到派出你的单位的团组织，请在出国(境)前办好。',
  dispatchingNoOrg:
    '派出单位没有团组织，团组织关系转到派出单位所在地或你居住地的乡镇（街道）团组织，请在出国(境)前办好。',

  military: '参军入伍的团员，转接原因选“转往特殊单位团组织”，不用选择具体的团组织。',
  classified: '到涉密单位工作的团员，按“转往特殊单位团组织”办理，不在系统中填写具体单位。',
  specialUnitReview: '学校团组织审批后由省级团委审核，审核通过后你的团员信息进入特殊单位专属库。',
  offlinePaperwork: '另外还要按规定办理线下手续，准备好纸质材料。',

  studyAbroad: '出国(境)学习研究不属于升学，团组织关系保留在母校的出国(境)学习研究团员团支部。',
  studyAbroadApplication: '需要提交书面保留申请，写明去哪里、去多久和国内联系人，由院系团委审批。',
  studyAbroadReturn: '回国后，按新的去向再办理转接。',

  abroadPrivate:
    '因私出国(境)的团员，请在出国(境)前把团组织关系转到户籍所在地，或本人、父母居住地的乡镇（街道）团组织。',

  transferHome: '团组织关系转到户籍所在地、生源地或居住地的乡镇（街道）团组织。',
  transferHomeLater: '落实工作或升学后，再从那里转到新单位或新学校。',
  retainFloating: '团组织关系暂时保留在学校的流动团员团支部，由院系团委审批，学校会登记台账。',
  retainLimit: '保留时间一般不超过6个月，最长不超过12个月；落实去向后要尽快转出。',
  retainOverUsual: (months: number): string =>
    `你已经毕业${months}个月，超过了通常6个月的保留时间，落实去向后必须立即转出，满12个月前一定要转出。`,

  delayed: '延迟毕业的团员，团组织关系保留在学校的延迟毕业团支部，由院系团委审批。',
  delayedLater: '毕业时再按新的去向办理转接。',

  suspendedKeeps: '休学期间你仍然是团员，团籍保留。',
  suspendedRejoin: '复学后，团组织关系转到你复学所在班级的团支部，并随这个班级一起毕业。',

  notMember: '你不是团员，不需要转接团组织关系。',
  notMemberDelete: '误录的团员信息要删除：学校团委核实后报省级团委删除。学校已把你标为非团员的，你可以自己在这里提出申请；否则请先联系学校团委核实。',
  notInSystem: '系统里还没有你的团员信息，需要先由学校团组织把你录入系统。',
  notInSystemThen: '录入以后，请重新填写本问卷，再办理转接。',
} as const;
