import type { ImportProblem } from '@xianjie/contract';
import { AppError } from '../common/app-error';

/** A file with any problem imports nothing; every problem comes back with its place. */
export class ImportRejected extends AppError {
  constructor(readonly problems: ImportProblem[]) {
    super(422, 'IMPORT_INVALID', `导入文件有 ${problems.length} 处错误，未导入任何数据`, { problems });
  }
}

export const notAnImporter = () => new AppError(403, 'FORBIDDEN', '只有组织管理员可以导入数据');
