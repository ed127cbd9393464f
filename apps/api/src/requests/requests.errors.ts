import { AppError } from '../common/app-error';

export const requestOpen = () => new AppError(409, 'REQUEST_IN_PROGRESS', '已有同类申请正在处理，请等待上级组织处理后再提交');
/** Separation of duties: whoever filed or passed a request on does not also approve it. */
export const ownRequest = () =>
  new AppError(403, 'OWN_REQUEST', '不能审批自己提交或转报的申请，请由该组织的其他管理员或上级组织处理');
export const requestClosed = () => new AppError(409, 'REQUEST_CLOSED', '该申请已处理，不能重复处理');
export const noSuperior = () => new AppError(422, 'NO_SUPERIOR', '该组织没有上级组织，无法提交更正');
export const flagUnchanged = (isTownship: boolean) =>
  new AppError(422, 'FLAG_UNCHANGED', isTownship ? '该组织已是乡镇街道团委' : '该组织本来就不是乡镇街道团委');
export const notTownshipCapable = () =>
  new AppError(422, 'NOT_TOWNSHIP_CAPABLE', '乡镇街道团委只能是乡镇街道领域的团委、团工委或团总支');
export const noSchoolCommittee = () => new AppError(422, 'NO_SCHOOL_COMMITTEE', '该团员不在学校团组织中，无法提交删除申请');
export const transferOpen = () => new AppError(409, 'TRANSFER_IN_PROGRESS', '该团员有正在办理的接转业务，请先撤回后再删除记录');
export const notMarkedNonMember = () =>
  new AppError(422, 'NOT_MARKED_NON_MEMBER', '只有被标记为误录（并非团员）的记录才能申请删除；团员本人请正常办理组织关系转接');
/** A deletion decided after the roster marked the person a member again. */
export const recordNowMember = () =>
  new AppError(409, 'RECORD_NOW_MEMBER', '名单中该团员现登记为团员，不能删除记录；如确属误录，请先在名单中标记为非团员，否则请驳回本申请');
/** A deletion decided after the member moved out of the deciding org's care. */
export const recordMoved = () => new AppError(409, 'RECORD_MOVED', '该团员已不在本组织管理范围内，不能删除记录，请驳回本申请');
export const partyMemberKeeps = () =>
  new AppError(422, 'PARTY_MEMBER_KEEPS_MEMBERSHIP', '28周岁以下的中共党员（含预备党员）保留团籍，不能删除团员记录');
export const correctionCaseMismatch = (label: string) =>
  new AppError(422, 'CORRECTION_CASE_MISMATCH', `所选情形（${label}）与该组织现在的标识不符，请重新选择`);
export const noHigherLevel = () => new AppError(422, 'NO_HIGHER_LEVEL', '已经是最高一级，请直接处理该申请');
export const notForwardable = () => new AppError(422, 'NOT_FORWARDABLE', '只有乡镇街道团委标识更正可以逐级上报');
