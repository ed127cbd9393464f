import { ApiError, type Me, type Org, type Transfer } from '../src/api'

export const apiError = (status: number, code: string, message: string, errors?: { field: string; message: string }[]) =>
  new ApiError(status, { code, message, errors })

export const networkError = () => apiError(0, 'NETWORK_ERROR', '网络连接失败，请检查网络后重试。已填写的内容不会丢失。')

export const graduate: Me = {
  id: 'm-1',
  name: '李明',
  idNumberMasked: '420***********0011',
  phone: '13800000001',
  roles: [],
  member: {
    orgId: 'b-class-1',
    orgName: '计算机学院2021级1班团支部',
    orgPath: [{ id: 'hubei', name: '共青团湖北省委' }, { id: 'b-class-1', name: '计算机学院2021级1班团支部' }],
    graduationYear: 2025,
    isGraduate: true,
  },
}

export const collegeAdmin: Me = {
  id: 'a-1',
  name: '王老师',
  idNumberMasked: '420***********0022',
  phone: '13800000002',
  roles: [{ role: 'org-admin', orgId: 'c-cs', orgName: '计算机学院团委' }],
  member: null,
}

export function org(partial: Partial<Org> & Pick<Org, 'id' | 'name'>): Org {
  return {
    kind: 'committee',
    domain: 'enterprise',
    province: 'hubei',
    purpose: null,
    isTownship: false,
    parentId: null,
    hasChildren: false,
    path: [{ id: partial.id, name: partial.name }],
    ...partial,
  }
}

export function transfer(partial: Partial<Transfer> = {}): Transfer {
  return {
    id: 't-1',
    memberId: 'm-1',
    memberName: '李明',
    status: 'pending-outgoing',
    path: 'standard',
    target: 'employer-org',
    targetOrgId: 'e-branch',
    targetOrgName: '光谷科技有限公司团支部',
    crossSystem: false,
    receiverIsBranch: true,
    startedBy: { id: 'm-1', name: '李明', party: 'member' },
    createdAt: '2025-07-01T02:00:00Z',
    stageDeadline: '2025-07-16T02:00:00Z',
    events: [
      { at: '2025-07-01T02:00:00Z', actorId: 'm-1', actorName: '李明', action: 'submit', comment: null, fromStatus: null, toStatus: 'pending-outgoing' },
    ],
    allowedActions: ['withdraw'],
    rejectionReason: null,
    nextSteps: [],
    ...partial,
  }
}
