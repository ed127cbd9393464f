import { ORG_DOMAIN_LABELS, ORG_KIND_LABELS, ORG_PURPOSE_LABELS, PROVINCE_NAMES } from '@xianjie/rules';

/** The `.xlsx` layout of the import file (contract §3): one sheet per list, one column per field. */
export type SheetKey = 'orgs' | 'members' | 'admins';

export interface ColumnSpec {
  field: string;
  /** The Chinese header (accepted as well as the field name, and written in the template). */
  label: string;
  type: 'text' | 'int' | 'bool';
  /** Chinese cell values accepted for codes, e.g. 团支部 → branch. */
  values?: Record<string, string>;
}

export interface SheetSpec {
  key: SheetKey;
  /** The Chinese sheet name (accepted as well as the key). */
  label: string;
  columns: ColumnSpec[];
  /** The template's example row, by field. */
  example: Record<string, string | number | boolean>;
}

const invert = (labels: Record<string, string>): Record<string, string> => Object.fromEntries(Object.entries(labels).map(([code, label]) => [label, code]));

export const ROLE_LABELS: Record<string, string> = { 'org-admin': '组织管理员', counsellor: '辅导员', 'provincial-reviewer': '省级审核员' };

const person: ColumnSpec[] = [
  { field: 'id', label: '编号', type: 'text' },
  { field: 'name', label: '姓名', type: 'text' },
  { field: 'idNumber', label: '身份证号', type: 'text' },
  { field: 'phone', label: '手机号', type: 'text' },
];

export const SHEETS: SheetSpec[] = [
  {
    key: 'orgs',
    label: '组织',
    columns: [
      { field: 'id', label: '编号', type: 'text' },
      { field: 'name', label: '名称', type: 'text' },
      { field: 'kind', label: '组织类型', type: 'text', values: invert(ORG_KIND_LABELS) },
      { field: 'parentId', label: '上级组织编号', type: 'text' },
      { field: 'domain', label: '行业类别', type: 'text', values: invert(ORG_DOMAIN_LABELS) },
      { field: 'province', label: '省份', type: 'text', values: invert(PROVINCE_NAMES) },
      { field: 'purpose', label: '用途', type: 'text', values: invert(ORG_PURPOSE_LABELS) },
      { field: 'isTownship', label: '是否乡镇街道团委', type: 'bool' },
    ],
    example: { id: 'cs-2301', name: '计算机2301班团支部', kind: '团支部', parentId: 'cs-college', domain: '学校', province: '湖北省', purpose: '班级团支部' },
  },
  {
    key: 'members',
    label: '团员',
    columns: [
      ...person,
      { field: 'orgId', label: '所在团支部编号', type: 'text' },
      { field: 'graduationYear', label: '毕业年份', type: 'int' },
      { field: 'isLeagueMember', label: '是否团员', type: 'bool' },
    ],
    example: { id: 'm-2023001', name: '李明', idNumber: '11010519491231002X', phone: '13800000000', orgId: 'cs-2301', graduationYear: 2027, isLeagueMember: '是' },
  },
  {
    key: 'admins',
    label: '管理员',
    columns: [...person, { field: 'orgId', label: '管理的组织编号', type: 'text' }, { field: 'role', label: '角色', type: 'text', values: invert(ROLE_LABELS) }],
    example: { id: 'a-cs-college', name: '王老师', idNumber: '110105198001010016', phone: '13900000000', orgId: 'cs-college', role: '组织管理员' },
  },
];

export const sheetOf = (key: SheetKey): SheetSpec => SHEETS.find((s) => s.key === key)!;
