import { AppError } from '../common/app-error';

export const statisticsNotASchool = () =>
  new AppError(422, 'NOT_A_SCHOOL', '统计表只对学校的团组织生成，请在学校团委或其下属团组织上操作');
export const filingNotASchool = () =>
  new AppError(422, 'NOT_A_SCHOOL', '统计表由学校团委报送，请在学校一级的团组织上操作');
