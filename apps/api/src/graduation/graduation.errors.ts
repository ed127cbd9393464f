import { AppError } from '../common/app-error';

export const cannotMark = () =>
  new AppError(403, 'MARK_NOT_ALLOWED', '只有学校领域的团委、团工委、团总支可以标记团支部毕业时间，领导机关和团支部不能标记');
export const notABranch = (name: string) => new AppError(422, 'NOT_A_BRANCH', `“${name}”不是团支部，只能标记团支部`);
export const alreadyMarked = (name: string) => new AppError(409, 'ALREADY_MARKED', `“${name}”已标记过毕业时间，标记后不能撤销或修改`);
export const markChoice = () => new AppError(400, 'MARK_CHOICE', '请填写预计毕业时间，或填写无毕业时间的原因（二者选其一）');
export const cannotDeleteBranch = (reason: string) => new AppError(409, 'BRANCH_NOT_DELETABLE', reason);
/** The floating, study-abroad and delayed-graduation branches keep graduates at school: their clocks run from each member's own graduation. */
export const specialBranchDate = (name: string) =>
  new AppError(422, 'SPECIAL_BRANCH', `“${name}”是流动团员、出国(境)学习研究或延迟毕业团支部，团员按各自的毕业时间计算，不能标记毕业时间；请改为填写不毕业的原因`);
/** After June 1 the season's graduates are graduates: a later date would take them out of this year's cohort. */
export const graduatesAlready = (name: string, year: number, to: number) =>
  new AppError(409, 'GRADUATES_ALREADY', `“${name}”的团员已是 ${year} 届毕业生，不能再标记为 ${to} 年毕业；如毕业年份登记有误，请通过导入名单更正`);
