import { AppError } from '../common/app-error';

export const notASchool = () =>
  new AppError(422, 'NOT_A_SCHOOL', '只有学校团委可以设置工作时限，请在学校一级的团组织上操作');
