import { AppError } from '../common/app-error';

export const orgNotFound = () => new AppError(404, 'ORG_NOT_FOUND', '该组织不存在');
export const searchTooShort = () => new AppError(400, 'SEARCH_TOO_SHORT', '请至少输入 2 个字进行搜索');
