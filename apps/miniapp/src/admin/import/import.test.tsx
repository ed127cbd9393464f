import { fireEvent, render, screen } from '@testing-library/react'
import { api } from '../../api'
import { ApiError } from '../../api/errors'
import ImportPage from './index'

jest.mock('../../api', () => require('../../../test/mocks').apiModule())
jest.mock('../../nav', () => require('../../../test/mocks').navModule())

const mocked = jest.mocked(api)

beforeEach(() => jest.clearAllMocks())

const choose = (name: string, text = 'PK\u0003\u0004 workbook bytes') => {
  const input = screen.getByTestId('roster-file') as HTMLInputElement
  const file = new File([text], name, { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' })
  // jsdom's File has no arrayBuffer(); a browser's does.
  Object.defineProperty(file, 'arrayBuffer', { value: () => Promise.resolve(new TextEncoder().encode(text).buffer) })
  Object.defineProperty(input, 'files', { value: [file], configurable: true })
  fireEvent.change(input)
}

test('uploads the chosen workbook as bytes and shows the tally', async () => {
  mocked.importRoster!.mockResolvedValue({ orgs: { created: 1, updated: 0, unchanged: 3 }, members: { created: 40, updated: 2, unchanged: 0 }, admins: { created: 0, updated: 0, unchanged: 1 } })
  render(<ImportPage />)
  choose('计算机学院名单.xlsx', 'roster')
  expect(await screen.findByText('导入完成')).toBeTruthy()
  expect(screen.getByText('团员：新增 40，更新 2，未变 0')).toBeTruthy()
  expect(screen.getByText('组织：新增 1，更新 0，未变 3')).toBeTruthy()
  const sent = mocked.importRoster!.mock.calls[0]![0] as ArrayBuffer
  expect(String.fromCharCode(...new Uint8Array(sent))).toBe('roster')
})

test('lists every bad row by sheet, row and column, and says nothing was imported', async () => {
  mocked.importRoster!.mockRejectedValue(new ApiError(422, {
    code: 'IMPORT_INVALID', message: '导入文件有 2 处错误，未导入任何数据',
    problems: [
      { row: '团员 表第 12 行', field: 'phone', where: '团员 表第 12 行「手机号」', message: '手机号应为 11 位大陆手机号' },
      { row: '团员 表第 15 行', field: 'idNumber', where: '团员 表第 15 行「身份证号」', message: '该身份证号已被其他账号使用' },
    ],
  }))
  render(<ImportPage />)
  choose('名单.xlsx')
  expect(await screen.findByText('文件有 2 处错误，未导入任何数据。请修改后重新上传：')).toBeTruthy()
  expect(screen.getByText('团员 表第 12 行「手机号」：手机号应为 11 位大陆手机号')).toBeTruthy()
  expect(screen.getByText('团员 表第 15 行「身份证号」：该身份证号已被其他账号使用')).toBeTruthy()
  expect(screen.queryByText('导入完成')).toBeNull()
})

test('refuses a file that is not .xlsx before sending it, and shows other failures', async () => {
  render(<ImportPage />)
  choose('名单.xls')
  expect(await screen.findByText('请选择 .xlsx 格式的 Excel 文件（.xls 请先另存为 .xlsx）。')).toBeTruthy()
  expect(mocked.importRoster).not.toHaveBeenCalled()

  mocked.importRoster!.mockRejectedValue(new ApiError(403, { code: 'FORBIDDEN', message: '只有组织管理员可以导入数据' }))
  choose('名单.xlsx')
  expect(await screen.findByText('只有组织管理员可以导入数据')).toBeTruthy()
})

test('downloads the template through the logged-in client', async () => {
  mocked.importTemplate!.mockResolvedValue(new ArrayBuffer(8))
  const created = jest.fn(() => 'blob:template')
  Object.assign(URL, { createObjectURL: created, revokeObjectURL: jest.fn() })
  const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined)
  render(<ImportPage />)
  fireEvent.click(screen.getByText('下载导入模板'))
  await screen.findByText('导入名单')
  await new Promise((r) => setTimeout(r, 0))
  expect(mocked.importTemplate).toHaveBeenCalled()
  expect(created).toHaveBeenCalled()
  expect(click).toHaveBeenCalled()
})
