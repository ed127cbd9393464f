import Taro from '@tarojs/taro'
import { ApiError } from './errors'
import { getToken } from './token'
import { zh } from '../i18n/zh'
import { TOTAL_COUNT_HEADER, type ErrorBody, type Page } from '@xianjie/contract'

/**
 * H5 is served by the API itself, so it calls its own origin; the weapp needs a full
 * HTTPS address, set at build time through `TARO_APP_API_BASE` (.env.[mode]).
 */
export const API_BASE: string =
  process.env.TARO_ENV === 'h5' ? '/api/v1' : process.env.TARO_APP_API_BASE || '/api/v1'

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE'
/** A query's fields (a contract `…Query`); absent, null and empty ones are left out. */
type Query = object

function queryString(query?: Query): string {
  if (!query) return ''
  const parts = Object.entries(query as Record<string, string | number | boolean | undefined | null>)
    .filter(([, v]) => v !== undefined && v !== null && v !== '')
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`)
  return parts.length ? `?${parts.join('&')}` : ''
}

function isErrorBody(data: unknown): data is ErrorBody {
  return !!data && typeof data === 'object' && typeof (data as ErrorBody).code === 'string'
    && typeof (data as ErrorBody).message === 'string'
}

/** The one place that talks HTTP. Resolves with the JSON body, rejects with an ApiError. */
export async function request<T>(method: Method, path: string, body?: unknown, query?: Query): Promise<T> {
  return (await send<T>(method, path, body, query)).data
}

/** A list whose full length comes in the `X-Total-Count` header (paged lists). */
export async function requestPage<T>(path: string, query?: Query): Promise<Page<T>> {
  const { data, header } = await send<T[]>('GET', path, undefined, query)
  const items = Array.isArray(data) ? data : []
  // Header names arrive lower-cased in H5 (fetch) but as sent in the weapp.
  const raw = Object.entries(header).find(([k]) => k.toLowerCase() === TOTAL_COUNT_HEADER)?.[1]
  const total = Number(raw)
  return { items, total: Number.isFinite(total) && raw !== undefined && raw !== '' ? total : items.length }
}

/**
 * A file the API answers (an .xlsx export). The token goes in the header, never in the URL, so
 * H5 fetches it and saves a blob; the weapp downloads it and hands it to the phone's viewer.
 */
export async function downloadFile(path: string, query: Query, fallbackName: string): Promise<void> {
  const token = getToken()
  const header: Record<string, string> = token ? { Authorization: `Bearer ${token}` } : {}
  const url = `${API_BASE}${path}${queryString(query)}`
  try {
    if (process.env.TARO_ENV === 'h5') {
      const res = await fetch(url, { headers: header })
      if (!res.ok) {
        const body: unknown = await res.json().catch(() => null)
        throw isErrorBody(body) ? new ApiError(res.status, body) : new ApiError(res.status, { code: `HTTP_${res.status}`, message: zh.errors.unknown })
      }
      const link = document.createElement('a')
      link.href = URL.createObjectURL(await res.blob())
      link.download = fileNameOf(res.headers.get('content-disposition')) ?? fallbackName
      link.click()
      URL.revokeObjectURL(link.href)
      return
    }
    const res = await Taro.downloadFile({ url, header })
    if (res.statusCode !== 200) throw new ApiError(res.statusCode, { code: `HTTP_${res.statusCode}`, message: zh.errors.unknown })
    await Taro.openDocument({ filePath: res.tempFilePath, fileType: 'xlsx', showMenu: true })
  } catch (e) {
    if (e instanceof ApiError) throw e
    throw new ApiError(0, { code: 'NETWORK_ERROR', message: zh.errors.network })
  }
}

/** The Chinese name of RFC 5987's `filename*`, else the plain `filename`. */
export function fileNameOf(disposition: string | null): string | null {
  if (!disposition) return null
  const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition)
  if (star) {
    try {
      return decodeURIComponent(star[1]!)
    } catch {
      /* a malformed name: fall back to the plain one */
    }
  }
  return /filename="([^"]+)"/i.exec(disposition)?.[1] ?? null
}

async function send<T>(method: Method, path: string, body?: unknown, query?: Query): Promise<{ data: T; header: Record<string, string> }> {
  const token = getToken()
  const header: Record<string, string> = { 'Content-Type': 'application/json' }
  if (token) header.Authorization = `Bearer ${token}`
  let res: { statusCode: number; data: unknown; header?: Record<string, string> }
  try {
    res = await Taro.request({
      url: `${API_BASE}${path}${queryString(query)}`,
      method,
      header,
      data: body === undefined ? undefined : (body as Record<string, unknown>),
      dataType: 'json',
      timeout: 20000,
    })
  } catch {
    throw new ApiError(0, { code: 'NETWORK_ERROR', message: zh.errors.network })
  }
  const { statusCode, data } = res
  if (statusCode >= 200 && statusCode < 300) {
    return { data: (statusCode === 204 ? undefined : data) as T, header: res.header ?? {} }
  }
  if (isErrorBody(data)) throw new ApiError(statusCode, data)
  throw new ApiError(statusCode, { code: `HTTP_${statusCode}`, message: zh.errors.unknown })
}

/** Raw bytes up (a workbook) or down (the template): same token and errors as `request`. */
export async function requestBytes<T>(method: Method, path: string, bytes?: ArrayBuffer, contentType?: string): Promise<T> {
  const token = getToken()
  const header: Record<string, string> = {}
  if (contentType) header['Content-Type'] = contentType
  if (token) header.Authorization = `Bearer ${token}`
  let res: { statusCode: number; data: unknown }
  try {
    res = await Taro.request({ url: `${API_BASE}${path}`, method, header, data: bytes as never, responseType: method === 'GET' ? 'arraybuffer' : 'text', dataType: method === 'GET' ? 'binary' : 'json', timeout: 120000 })
  } catch {
    throw new ApiError(0, { code: 'NETWORK_ERROR', message: zh.errors.network })
  }
  let data = res.data
  if (typeof data === 'string') {
    try {
      data = JSON.parse(data)
    } catch {
      /* not JSON */
    }
  }
  if (res.statusCode >= 200 && res.statusCode < 300) return data as T
  if (data instanceof ArrayBuffer) {
    try {
      data = JSON.parse(new TextDecoder().decode(data))
    } catch {
      /* not JSON */
    }
  }
  if (isErrorBody(data)) throw new ApiError(res.statusCode, data)
  throw new ApiError(res.statusCode, { code: `HTTP_${res.statusCode}`, message: zh.errors.unknown })
}
