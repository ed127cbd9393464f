import Taro from '@tarojs/taro'
import { api, ApiError, clearSession, getToken } from './index'
import { fileNameOf } from './client'

const request = jest.spyOn(Taro, 'request')

beforeEach(() => {
  request.mockReset()
  clearSession()
})

test('login stores the session and later calls carry the bearer token', async () => {
  request.mockResolvedValueOnce({ statusCode: 200, data: { token: 'tok', mustChangePassword: true, user: { id: 'm', name: '李明', roles: [] } } } as never)
  await api.login('420102200203150115', '03150115')
  expect(getToken()).toBe('tok')
  expect(request.mock.calls[0]![0]).toEqual(expect.objectContaining({ url: '/api/v1/auth/login', method: 'POST' }))

  request.mockResolvedValueOnce({ statusCode: 200, data: [] } as never)
  await api.orgs({ parentId: 'hb', q: '' })
  const call = request.mock.calls[1]![0] as { url: string; header: Record<string, string> }
  expect(call.url).toBe('/api/v1/orgs?parentId=hb')
  expect(call.header.Authorization).toBe('Bearer tok')
})

test('an error body becomes an ApiError with code, message and field errors', async () => {
  request.mockResolvedValueOnce({
    statusCode: 400,
    data: { code: 'VALIDATION_FAILED', message: '请检查填写的内容', errors: [{ field: 'remarks', message: '备注最多100字' }] },
  } as never)
  const err = (await api.startTransfer({ answers: { destination: 'military' } }).catch((e) => e)) as ApiError
  expect(err).toBeInstanceOf(ApiError)
  expect(err.status).toBe(400)
  expect(err.code).toBe('VALIDATION_FAILED')
  expect(err.message).toBe('请检查填写的内容')
  expect(err.fieldMessage('remarks')).toBe('备注最多100字')
})

test('a network failure becomes a Chinese NETWORK_ERROR', async () => {
  request.mockRejectedValueOnce({ errMsg: 'request:fail' })
  const err = (await api.me().catch((e) => e)) as ApiError
  expect(err.code).toBe('NETWORK_ERROR')
  expect(err.message).toMatch(/网络连接失败/)
})

test('a non-JSON failure still has a Chinese message', async () => {
  request.mockResolvedValueOnce({ statusCode: 502, data: '<html>Bad gateway</html>' } as never)
  const err = (await api.me().catch((e) => e)) as ApiError
  expect(err.code).toBe('HTTP_502')
  expect(err.message).toMatch(/出了点问题/)
})

test('204 resolves with nothing', async () => {
  request.mockResolvedValueOnce({ statusCode: 204, data: '' } as never)
  await expect(api.changePassword('a', 'b')).resolves.toBeUndefined()
})

test('a paged list reads its full length from X-Total-Count, whatever the header case', async () => {
  request.mockResolvedValueOnce({ statusCode: 200, data: [{ id: 'm-1' }], header: { 'x-total-count': '9' } } as never)
  const page = await api.notStarted('chutian-cs', { branchId: 'chutian-cs-2201', limit: 1 })
  expect(page).toEqual({ items: [{ id: 'm-1' }], total: 9 })
  expect((request.mock.calls[0]![0] as { url: string }).url).toBe('/api/v1/orgs/chutian-cs/not-started?branchId=chutian-cs-2201&limit=1')

  request.mockResolvedValueOnce({ statusCode: 200, data: [{ id: 'm-1' }, { id: 'm-2' }], header: { 'X-Total-Count': '40' } } as never)
  expect((await api.notStarted('chutian-cs')).total).toBe(40)

  // No header: the list is all there is.
  request.mockResolvedValueOnce({ statusCode: 200, data: [{ id: 'm-1' }] } as never)
  expect((await api.notStarted('chutian-cs')).total).toBe(1)
})

test('reminder calls: create (201), open by token, the tracking list', async () => {
  request.mockResolvedValueOnce({ statusCode: 201, data: [{ memberId: 'm-1', token: 't' }] } as never)
  await api.createReminders(['m-1', 'm-2'])
  expect(request.mock.calls[0]![0]).toEqual(expect.objectContaining({ url: '/api/v1/reminders', method: 'POST', data: { memberIds: ['m-1', 'm-2'] } }))
  request.mockResolvedValueOnce({ statusCode: 200, data: {} } as never)
  await api.openReminder('abc_-1')
  expect((request.mock.calls[1]![0] as { url: string }).url).toBe('/api/v1/reminders/abc_-1')
  request.mockResolvedValueOnce({ statusCode: 200, data: [{ id: 'r1' }], header: { 'X-Total-Count': '240' } } as never)
  expect(await api.reminders({ orgId: 'chutian-cs', limit: 100, offset: 100 })).toEqual({ items: [{ id: 'r1' }], total: 240 })
  expect((request.mock.calls[2]![0] as { url: string }).url).toBe('/api/v1/reminders?orgId=chutian-cs&limit=100&offset=100')
  request.mockResolvedValueOnce({ statusCode: 200, data: {} } as never)
  await api.progress('chutian-cs')
  expect((request.mock.calls[3]![0] as { url: string }).url).toBe('/api/v1/orgs/chutian-cs/progress')
})

test('one member\'s card is asked for by id, never by anything personal in the URL', async () => {
  request.mockResolvedValueOnce({ statusCode: 200, data: { id: 'm 1/2', phone: '13827000001', phoneMasked: false } } as never)
  const card = await api.member('m 1/2')
  expect(card.phone).toBe('13827000001')
  expect(request.mock.calls[0]![0]).toEqual(expect.objectContaining({ url: '/api/v1/members/m%201%2F2', method: 'GET' }))
})

describe('fileNameOf', () => {
  it('reads the Chinese name of filename*, else the plain one', () => {
    expect(fileNameOf(`attachment; filename="statistics-2026.xlsx"; filename*=UTF-8''${encodeURIComponent('楚天大学团委2026届毕业生团员统计表.xlsx')}`))
      .toBe('楚天大学团委2026届毕业生团员统计表.xlsx')
    expect(fileNameOf('attachment; filename="statistics-2026.xlsx"; filename*=UTF-8\'\'%E6%A5')).toBe('statistics-2026.xlsx')
    expect(fileNameOf(null)).toBeNull()
  })
})
