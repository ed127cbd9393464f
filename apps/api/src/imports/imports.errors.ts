import type { ImportProblem } from '@xianjie/contract';
import { AppError } from '../common/app-error';

/** The problems one answer lists: enough to fix a file by, never a response the size of the file. */
export const MAX_LISTED_PROBLEMS = 500;

/** A file with any problem imports nothing; its problems come back with their places (the first 500, with the count). */
export class ImportRejected extends AppError {
  constructor(readonly problems: ImportProblem[]) {
    const listed = problems.slice(0, MAX_LISTED_PROBLEMS);
    const more = problems.length > listed.length ? `，下面列出前 ${listed.length} 处` : '';
    super(422, 'IMPORT_INVALID', `导入文件有 ${problems.length} 处错误${more}，未导入任何数据`, { problems: listed });
  }
}

export const notAnImporter = () => new AppError(403, 'FORBIDDEN', '只有组织管理员可以导入数据');

/** Still meeting another upload's rows on a unique key after running again: nothing of this one was written. */
export const importConflict = () =>
  new AppError(409, 'IMPORT_CONFLICT', '另一份导入正在写入相同的组织或人员，本次没有导入任何数据，请稍后重新导入');
