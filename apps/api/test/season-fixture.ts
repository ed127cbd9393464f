import ExcelJS from 'exceljs';
import { makeIdNumber } from '@xianjie/rules';

/**
 * A small school for the season spec: 长江大学 with two colleges, three 2026 classes and one
 * 2027 class, its special branches, an employer, a township and a school students go on to.
 *
 *   cj-a-1  e1 e2 e4 u1 f1 (n1: wrongly entered non-member)      — 文学院 (general branch)
 *   cj-a-2  e3 s1 x1 x2 (late1 joins on June 2)                   — 文学院
 *   cj-b-1  u2 m1 d1 p1 (old1: a 2024 graduate still on the roll) — 工学院 (committee)
 *   cj-b-3  c1 (class of 2027; p1 rejoins it after suspension)
 *
 * x2 and late1 come without a graduation year: their branch's mark gives it.
 */
type Row = Record<string, unknown>;

const org = (id: string, name: string, kind: string, parentId: string | null, domain: string, purpose?: string): Row =>
  ({ id, name, kind, parentId, domain, province: 'hubei', ...(purpose ? { purpose } : {}) });

let seq = 0;
const someone = (id: string, name: string, orgId: string, extra: Row = {}): Row => {
  seq++;
  return {
    id, name, orgId,
    idNumber: makeIdNumber('420111', `200${seq % 4}0${(seq % 9) + 1}1${seq % 10}`, String(100 + seq)),
    phone: `1390000${String(1000 + seq)}`,
    ...extra,
  };
};

export const SEASON_ORGS: Row[] = [
  org('hb', '共青团湖北省委', 'leading-organ', null, 'government'),
  org('cj', '长江大学团委', 'committee', 'hb', 'school'),
  org('cj-a', '文学院团总支', 'general-branch', 'cj', 'school'),
  org('cj-a-1', '汉语言2201班团支部', 'branch', 'cj-a', 'school', 'class'),
  org('cj-a-2', '新闻2201班团支部', 'branch', 'cj-a', 'school', 'class'),
  org('cj-b', '工学院团委', 'committee', 'cj', 'school'),
  org('cj-b-1', '机械2201班团支部', 'branch', 'cj-b', 'school', 'class'),
  org('cj-b-3', '机械2301班团支部', 'branch', 'cj-b', 'school', 'class'),
  org('cj-floating', '长江大学流动团员团支部', 'branch', 'cj', 'school', 'floating'),
  org('cj-abroad', '长江大学出国(境)学习研究团员团支部', 'branch', 'cj', 'school', 'study-abroad'),
  org('cj-delayed', '长江大学延迟毕业团支部', 'branch', 'cj', 'school', 'delayed-graduation'),
  org('hd', '华东理工研究院团委', 'committee', 'hb', 'school'),
  org('hd-new', '华东理工研究院2026级研究生新生团支部', 'branch', 'hd', 'school', 'new-students'),
  org('acme', '楚材科技有限公司团委', 'committee', 'hb', 'enterprise'),
  org('acme-1', '楚材科技研发团支部', 'branch', 'acme', 'enterprise'),
  org('gs', '沙湖街道团工委', 'working-committee', 'hb', 'township'),
  org('gs-transition', '学社衔接临时团支部', 'branch', 'gs', 'township', 'transition'),
];

const y2026 = { graduationYear: 2026 };
export const SEASON_MEMBERS: Row[] = [
  someone('e1', '赵一', 'cj-a-1', y2026),
  someone('e2', '钱二', 'cj-a-1', y2026),
  someone('e4', '孙四', 'cj-a-1', y2026),
  someone('u1', '李五', 'cj-a-1', y2026),
  someone('f1', '周六', 'cj-a-1', y2026),
  someone('n1', '吴七', 'cj-a-1', { ...y2026, isLeagueMember: false }),
  someone('e3', '郑八', 'cj-a-2', y2026),
  someone('s1', '王九', 'cj-a-2', y2026),
  someone('x1', '冯十', 'cj-a-2', y2026),
  someone('x2', '陈十一', 'cj-a-2'),
  someone('u2', '褚十二', 'cj-b-1', y2026),
  someone('m1', '卫十三', 'cj-b-1', y2026),
  someone('d1', '蒋十四', 'cj-b-1', y2026),
  someone('p1', '沈十五', 'cj-b-1', y2026),
  someone('old1', '韩十六', 'cj-b-1', { graduationYear: 2024 }),
  someone('c1', '杨十七', 'cj-b-3', { graduationYear: 2027 }),
];
export const LATE_MEMBER: Row = someone('late1', '朱十八', 'cj-a-2');

export const SEASON_ADMINS: Row[] = [
  someone('a-cj', '校团委管理员', 'cj', { role: 'org-admin' }),
  someone('a-cja', '文学院管理员', 'cj-a', { role: 'org-admin' }),
  someone('a-cjb', '工学院管理员', 'cj-b', { role: 'org-admin' }),
  someone('a-hd', '研究院管理员', 'hd', { role: 'org-admin' }),
  someone('a-acme', '楚材科技管理员', 'acme', { role: 'org-admin' }),
  someone('a-gs', '沙湖街道管理员', 'gs', { role: 'org-admin' }),
  someone('a-hb', '省委审核员', 'hb', { role: 'provincial-reviewer' }),
];

export const idNumberOf = (id: string): string => {
  const row = [...SEASON_MEMBERS, LATE_MEMBER, ...SEASON_ADMINS].find((r) => r.id === id);
  if (!row) throw new Error(`no season person ${id}`);
  return String(row.idNumber);
};

/** The rows as a school keeps them: an `.xlsx` workbook, one sheet per key, field names as headers. */
export async function asWorkbook(file: Partial<Record<'orgs' | 'members' | 'admins', Row[]>>): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  for (const [key, rows] of Object.entries(file)) {
    if (!rows?.length) continue;
    const header = [...new Set(rows.flatMap((r) => Object.keys(r)))];
    const sheet = book.addWorksheet(key);
    sheet.addRow(header);
    for (const r of rows) sheet.addRow(header.map((h) => (r[h] === undefined ? null : r[h])));
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}
