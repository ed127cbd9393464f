import Taro from '@tarojs/taro'
import { api, ApiError, clearSession, getToken } from './index'

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
