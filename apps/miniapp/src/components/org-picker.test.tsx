import { fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import type { Fit } from '@xianjie/rules'
import { api } from '../api'
import { org } from '../../test/fixtures'
import { OrgPicker } from './OrgPicker'

jest.mock('../api', () => require('../../test/mocks').apiModule())

const mocked = api as unknown as Record<string, jest.Mock>
const P = (...names: [string, string][]) => names.map(([id, name]) => ({ id, name }))
const national = org({ id: 'cyl', name: '共青团中央', kind: 'leading-organ', hasChildren: true, path: P(['cyl', '共青团中央']) })
const hubei = org({ id: 'hb', name: '共青团湖北省委', kind: 'leading-organ', hasChildren: true, parentId: 'cyl', path: P(['cyl', '共青团中央'], ['hb', '共青团湖北省委']) })
const wuhan = org({ id: 'wh', name: '共青团武汉市委', kind: 'leading-organ', hasChildren: true, parentId: 'hb', path: P(['cyl', '共青团中央'], ['hb', '共青团湖北省委'], ['wh', '共青团武汉市委']) })
const dongfeng = org({
  id: 'df', name: '东风智造集团团委', kind: 'committee', hasChildren: true, parentId: 'wh', parentName: '共青团武汉市委',
  path: P(['cyl', '共青团中央'], ['hb', '共青团湖北省委'], ['wh', '共青团武汉市委'], ['df', '东风智造集团团委']),
})
const rd = org({ id: 'rd', name: '研发中心团支部', kind: 'branch', parentId: 'df', parentName: '东风智造集团团委', path: [...dongfeng.path, { id: 'rd', name: '研发中心团支部' }] })
const children: Record<string, ReturnType<typeof org>[]> = { '': [national], cyl: [hubei], hb: [wuhan], wh: [dongfeng], df: [rd] }

beforeEach(() => {
  jest.clearAllMocks()
  mocked.orgs!.mockImplementation(async ({ parentId, q }: { parentId?: string; q?: string }) => (q ? [dongfeng] : children[parentId ?? ''] ?? []))
})

const row = (name: string) => screen.getByText(name).closest('.org-row') as HTMLElement
const crumbs = () => (document.querySelector('.crumbs') as HTMLElement | null)?.textContent

test('search → 下一级 puts the hit in its own place: breadcrumb of its ancestors, 返回上一级 to its parent', async () => {
  render(<OrgPicker fits={(): Fit => ({ ok: true })} onPick={jest.fn()} />)
  await screen.findByText('共青团湖北省委')
  fireEvent.input(screen.getByLabelText('输入组织名称搜索'), { target: { value: '东风' } })
  fireEvent.click(screen.getByText('搜索'))
  // The hit shows where it sits.
  expect(await screen.findByText('共青团中央 › 共青团湖北省委 › 共青团武汉市委')).toBeTruthy()
  fireEvent.click(within(row('东风智造集团团委')).getByText(/下一级/))
  expect(await screen.findByText('研发中心团支部')).toBeTruthy()
  expect(crumbs()).toBe('共青团中央 › 共青团湖北省委 › 共青团武汉市委 › 东风智造集团团委')
  fireEvent.click(screen.getByText(/返回上一级/))
  await waitFor(() => expect(screen.getByText('东风智造集团团委')).toBeTruthy())
  expect(mocked.orgs).toHaveBeenLastCalledWith({ parentId: 'wh' })
  expect(crumbs()).toBe('共青团中央 › 共青团湖北省委 › 共青团武汉市委')
  // A breadcrumb level jumps straight there.
  fireEvent.click(screen.getByText(/共青团湖北省委/, { selector: '.crumb' }))
  await waitFor(() => expect(mocked.orgs).toHaveBeenLastCalledWith({ parentId: 'hb' }))
  expect(await screen.findByText('共青团武汉市委')).toBeTruthy()
})

test('below a root (assigning a branch) the breadcrumb starts at the root and search stays inside it', async () => {
  render(<OrgPicker fits={(): Fit => ({ ok: true })} onPick={jest.fn()} root={{ id: 'df', name: '东风智造集团团委' }} />)
  expect(await screen.findByText('研发中心团支部')).toBeTruthy()
  expect(crumbs()).toBe('东风智造集团团委')
  expect(screen.queryByText(/返回上一级/)).toBeNull()
  fireEvent.input(screen.getByLabelText('输入组织名称搜索'), { target: { value: '研发' } })
  fireEvent.click(screen.getByText('搜索'))
  await waitFor(() => expect(mocked.orgs).toHaveBeenLastCalledWith({ q: '研发', parentId: 'df' }))
})

test('a search that finds more than it lists says to type more of the name', async () => {
  const many = Array.from({ length: 50 }, (_, i) => org({ id: `b${i}`, name: `计算机${i}班团支部`, kind: 'branch', path: P([`b${i}`, `计算机${i}班团支部`]) }))
  mocked.orgs!.mockImplementation(async ({ q }: { q?: string }) => (q === '团支部' ? many : q ? many.slice(0, 3) : [national]))
  render(<OrgPicker fits={(): Fit => ({ ok: true })} onPick={jest.fn()} />)
  await screen.findAllByText('共青团中央')
  fireEvent.input(screen.getByLabelText('输入组织名称搜索'), { target: { value: '团支部' } })
  fireEvent.click(screen.getByText('搜索'))
  expect(await screen.findByText('找到的太多，只列出前 50 个：请输入更完整的名称。')).toBeTruthy()
  fireEvent.input(screen.getByLabelText('输入组织名称搜索'), { target: { value: '计算机1班' } })
  fireEvent.click(screen.getByText('搜索'))
  await waitFor(() => expect(screen.queryByText(/找到的太多/)).toBeNull())
  expect(screen.getByText('计算机2班团支部')).toBeTruthy()
})

test('a row reads its province as a person does: 中央 for the centre, never the raw code', async () => {
  mocked.orgs!.mockImplementation(async () => [{ ...national, province: 'central' }, { ...hubei, province: 'hubei' }])
  render(<OrgPicker fits={(): Fit => ({ ok: true })} onPick={jest.fn()} />)
  await screen.findByText('共青团湖北省委')
  const sub = (name: string) => (row(name).querySelector('.list-item-sub') as HTMLElement).textContent
  expect(sub('共青团中央')).toBe('团的领导机关 · 中央')
  expect(sub('共青团湖北省委')).toBe('团的领导机关 · 湖北省')
  expect(document.body.textContent).not.toContain('central')
})

test('several roots: after opening a province the way back to the first level is there (返回上一级 and the 全国 crumb)', async () => {
  const beijing = org({ id: 'bj', name: '共青团北京市委', kind: 'leading-organ', province: 'beijing', hasChildren: true, path: P(['bj', '共青团北京市委']) })
  const top = [{ ...hubei, parentId: null, path: P(['hb', '共青团湖北省委']) }, beijing]
  mocked.orgs!.mockImplementation(async ({ parentId }: { parentId?: string }) => (parentId ? children[parentId] ?? [] : top))
  render(<OrgPicker fits={(): Fit => ({ ok: true })} onPick={jest.fn()} />)
  fireEvent.click(within(await screen.findByText('共青团湖北省委').then((e) => e.closest('.org-row') as HTMLElement)).getByText(/下一级/))
  expect(await screen.findByText('共青团武汉市委')).toBeTruthy()
  expect(crumbs()).toBe('全国 › 共青团湖北省委')
  fireEvent.click(screen.getByText(/返回上一级/))
  expect(await screen.findByText('共青团北京市委')).toBeTruthy()
  expect(mocked.orgs).toHaveBeenLastCalledWith({})
  expect(crumbs()).toBeUndefined()

  // Two levels down, the 全国 crumb goes straight back to the top.
  fireEvent.click(within(row('共青团湖北省委')).getByText(/下一级/))
  fireEvent.click(within(await screen.findByText('共青团武汉市委').then((e) => e.closest('.org-row') as HTMLElement)).getByText(/下一级/))
  expect(await screen.findByText('东风智造集团团委')).toBeTruthy()
  fireEvent.click(screen.getByText(/全国/, { selector: '.crumb' }))
  expect(await screen.findByText('共青团北京市委')).toBeTruthy()
  expect(mocked.orgs).toHaveBeenLastCalledWith({})
})

test('a single national root opened on its own stays the top: no way up past it, no 全国 crumb', async () => {
  render(<OrgPicker fits={(): Fit => ({ ok: true })} onPick={jest.fn()} />)
  await screen.findByText('共青团湖北省委')
  expect(crumbs()).toBe('共青团中央')
  expect(screen.queryByText(/返回上一级/)).toBeNull()
})

test('while a search is on its way the old rows are gone (nothing stale to tap) and it says 搜索中…', async () => {
  render(<OrgPicker fits={(): Fit => ({ ok: true })} onPick={jest.fn()} />)
  await screen.findByText('共青团湖北省委')
  let answer: (rows: ReturnType<typeof org>[]) => void = () => undefined
  mocked.orgs!.mockReturnValueOnce(new Promise((resolve) => { answer = resolve }))
  fireEvent.input(screen.getByLabelText('输入组织名称搜索'), { target: { value: '东风' } })
  fireEvent.click(screen.getByText('搜索'))
  expect(await screen.findByText('搜索中…')).toBeTruthy()
  expect(screen.queryByText('共青团湖北省委')).toBeNull()
  expect(screen.queryByText('选这个')).toBeNull()
  answer([dongfeng])
  expect(await screen.findByText('东风智造集团团委')).toBeTruthy()
  expect(screen.queryByText('搜索中…')).toBeNull()
})

test('a failed search offers 重试 with the same name, and no stale list under the error', async () => {
  render(<OrgPicker fits={(): Fit => ({ ok: true })} onPick={jest.fn()} />)
  await screen.findByText('共青团湖北省委')
  mocked.orgs!.mockRejectedValueOnce({ errMsg: 'request:fail' })
  fireEvent.input(screen.getByLabelText('输入组织名称搜索'), { target: { value: '东风' } })
  fireEvent.click(screen.getByText('搜索'))
  expect(await screen.findByText('网络连接失败，请检查网络后重试。')).toBeTruthy()
  expect(screen.queryByText('共青团湖北省委')).toBeNull()
  fireEvent.click(screen.getByText('重试'))
  expect(await screen.findByText('东风智造集团团委')).toBeTruthy()
  expect(mocked.orgs).toHaveBeenLastCalledWith({ q: '东风' })
  expect(screen.queryByText('网络连接失败，请检查网络后重试。')).toBeNull()
})
