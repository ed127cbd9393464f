import { AppError } from '../common/app-error';

export const cannotMark = () =>
  new AppError(403, 'MARK_NOT_ALLOWED', '只有学校领域的团委、团工委、团总支可以标记团支部毕业时间，领导机关和团支部不能标记');
export const notABranch = (name: string) => new AppError(422, 'NOT_A_BRANCH', `“${name}”不是团支部，只能标记团支部`);
export const alreadyMarked = (name: string) => new AppError(409, 'ALREADY_MARKED', `“${name}”已标记过毕业时间，标记后不能撤销或修改`);
export const markChoice = () => new AppError(400, 'MARK_CHOICE', '请填写预计毕业时间，或填写无毕业时间的原因（二者选其一）');
export const cannotDeleteBranch = (reason: string) => new AppError(409, 'BRANCH_NOT_DELETABLE', reason);
