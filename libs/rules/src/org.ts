/** The organisation tree's vocabulary (domain §1), as data for the API and the screens. */

export type OrgKind = 'leading-organ' | 'committee' | 'working-committee' | 'general-branch' | 'branch';
/** 行业类别 */
export type OrgDomain = 'school' | 'township' | 'enterprise' | 'government' | 'other';
/** What a special branch is for; ordinary orgs have none. */
export type OrgPurpose = 'class' | 'floating' | 'study-abroad' | 'delayed-graduation' | 'transition' | 'new-students';

export const ORG_KINDS: readonly OrgKind[] = ['leading-organ', 'committee', 'working-committee', 'general-branch', 'branch'];
export const ORG_DOMAINS: readonly OrgDomain[] = ['school', 'township', 'enterprise', 'government', 'other'];
export const ORG_PURPOSES: readonly OrgPurpose[] = [
  'class', 'floating', 'study-abroad', 'delayed-graduation', 'transition', 'new-students',
];

/**
 * The school's branches that keep members at school — floating, study abroad, delayed graduation.
 * Each member there counts from their own graduation (domain §7), so a branch mark gives these a
 * reason, never a date.
 */
export const KEEPING_PURPOSES: readonly OrgPurpose[] = ['floating', 'study-abroad', 'delayed-graduation'];

/** Whether a branch of this purpose may be marked with a graduation date (otherwise only with a reason). */
export function markTakesDate(purpose: OrgPurpose | null): boolean {
  return purpose === null || !KEEPING_PURPOSES.includes(purpose);
}

export const ORG_KIND_LABELS: Record<OrgKind, string> = {
  'leading-organ': '团的领导机关',
  committee: '团委',
  'working-committee': '团工委',
  'general-branch': '团总支',
  branch: '团支部',
};

export const ORG_DOMAIN_LABELS: Record<OrgDomain, string> = {
  school: '学校',
  township: '乡镇街道',
  enterprise: '企业',
  government: '机关事业单位',
  other: '其他',
};

export const ORG_PURPOSE_LABELS: Record<OrgPurpose, string> = {
  class: '班级团支部',
  floating: '流动团员团支部',
  'study-abroad': '出国(境)学习研究团员团支部',
  'delayed-graduation': '延迟毕业团支部',
  transition: '学社衔接临时团支部',
  'new-students': '新生团组织',
};

/** The child branch every township org keeps for receiving graduates. */
export const TRANSITION_BRANCH_NAME = '学社衔接临时团支部';

/** Mainland provinces, regions and municipalities by the lowercase pinyin the import format uses. */
export const PROVINCE_NAMES: Readonly<Record<string, string>> = {
  beijing: '北京市', tianjin: '天津市', hebei: '河北省', shanxi: '山西省', neimenggu: '内蒙古自治区',
  liaoning: '辽宁省', jilin: '吉林省', heilongjiang: '黑龙江省', shanghai: '上海市', jiangsu: '江苏省',
  zhejiang: '浙江省', anhui: '安徽省', fujian: '福建省', jiangxi: '江西省', shandong: '山东省',
  henan: '河南省', hubei: '湖北省', hunan: '湖南省', guangdong: '广东省', guangxi: '广西壮族自治区',
  hainan: '海南省', chongqing: '重庆市', sichuan: '四川省', guizhou: '贵州省', yunnan: '云南省',
  xizang: '西藏自治区', shaanxi: '陕西省', gansu: '甘肃省', qinghai: '青海省', ningxia: '宁夏回族自治区',
  xinjiang: '新疆维吾尔自治区',
};

/** A province as a person reads it; `central` (团中央 and what hangs under it) reads 中央. Never the raw code. */
export function provinceLabel(p: string): string {
  if (p === 'central') return '中央';
  return isProvince(p) ? PROVINCE_NAMES[p] : '';
}

export function isProvince(p: string): boolean {
  return Object.prototype.hasOwnProperty.call(PROVINCE_NAMES, p);
}

/** Provinces that run their own system: a transfer into them is cross-system. */
export const SEPARATE_SYSTEM_PROVINCES = ['beijing', 'guangdong', 'fujian'] as const;
export type SeparateSystemProvince = (typeof SEPARATE_SYSTEM_PROVINCES)[number];

export function isSeparateSystemProvince(p: string): p is SeparateSystemProvince {
  return (SEPARATE_SYSTEM_PROVINCES as readonly string[]).includes(p);
}

/** 标记团支部毕业时间: only a school's committees, working committees and general branches. */
export function canMarkGraduation(kind: OrgKind, domain: OrgDomain): boolean {
  return domain === 'school' && (kind === 'committee' || kind === 'working-committee' || kind === 'general-branch');
}
