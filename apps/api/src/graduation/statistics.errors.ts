import { AppError } from '../common/app-error';

export const statisticsNotASchool = () =>
  new AppError(422, 'NOT_A_SCHOOL', '统计表只对学校的团组织生成，请在学校团委或其下属团组织上操作');
export const filingNotASchool = () =>
  new AppError(422, 'NOT_A_SCHOOL', '统计表由学校团委报送，请在学校一级的团组织上操作');
export const filingYearAhead = (year: number) =>
  new AppError(422, 'FILING_YEAR_AHEAD', `${year} 届的统计表还不能报送，请报送本年度的统计表`);
export const filingClosed = (year: number) =>
  new AppError(409, 'FILING_CLOSED', `${year} 届的统计表已经报送，往年的报送不能更改`);
