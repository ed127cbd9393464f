import type { ErrorBody, FieldError, ImportProblem, OpenTransferRef } from '@xianjie/contract'
import { zh } from '../i18n/zh'

/** Every failed call ends as one of these: the contract's `{ code, message, errors? }`. */
export class ApiError extends Error {
  readonly status: number
  readonly code: string
  readonly errors: FieldError[]
  readonly problems: ImportProblem[]
  /** 409 TRANSFER_IN_PROGRESS to a party to it: the open transfer, to offer the way there. */
  readonly openTransfer: OpenTransferRef | null

  constructor(status: number, body: ErrorBody) {
    super(body.message)
    this.name = 'ApiError'
    this.status = status
    this.code = body.code
    this.errors = body.errors ?? []
    this.problems = body.problems ?? []
    this.openTransfer = body.openTransfer ?? null
  }

  /** The message for one form field, if the server named it. */
  fieldMessage(field: string): string | undefined {
    return this.errors.find((e) => e.field === field || e.field.endsWith(`.${field}`))?.message
  }

  get isNetwork(): boolean {
    return this.code === 'NETWORK_ERROR'
  }
}

/** Whatever was thrown, as an ApiError with a Chinese message for the person. */
export function toApiError(e: unknown): ApiError {
  if (e instanceof ApiError) return e
  if (e && typeof e === 'object' && 'errMsg' in e) {
    return new ApiError(0, { code: 'NETWORK_ERROR', message: zh.errors.network })
  }
  const message = e instanceof Error && /[\u4e00-\u9fa5]/.test(e.message) ? e.message : zh.errors.unknown
  return new ApiError(0, { code: 'CLIENT_ERROR', message })
}
