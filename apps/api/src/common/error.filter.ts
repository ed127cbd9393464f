import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { AppError } from './app-error';
import { DATABASE_UNAVAILABLE_MESSAGE, isDatabaseUnavailable } from './db-errors';
import { redact } from './redact';

const STATUS_CODES: Record<number, [string, string]> = {
  400: ['BAD_REQUEST', '请求格式有误'],
  401: ['UNAUTHORIZED', '请先登录'],
  403: ['FORBIDDEN', '您没有权限进行此操作'],
  404: ['NOT_FOUND', '您访问的内容不存在'],
  405: ['METHOD_NOT_ALLOWED', '不支持该请求方式'],
  406: ['NOT_ACCEPTABLE', '无法提供所请求的格式'],
  408: ['REQUEST_TIMEOUT', '请求超时，请重试'],
  411: ['LENGTH_REQUIRED', '请求缺少内容长度'],
  413: ['PAYLOAD_TOO_LARGE', '提交的内容过大'],
  414: ['URI_TOO_LONG', '请求地址过长'],
  415: ['UNSUPPORTED_MEDIA_TYPE', '请以 JSON 格式提交'],
  429: ['TOO_MANY_REQUESTS', '操作过于频繁，请稍后再试'],
};

/** Every error leaves as the contract's `{ code, message }` (+ `errors` for validation). */
@Catch()
export class ErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('Error');

  catch(exception: unknown, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const { status, body } = toErrorBody(exception);
    if (status === 503) {
      // An outage answers every request alike: one line each, not a stack each.
      this.logger.warn(`database unavailable: ${redact(exception instanceof Error ? exception.message : String(exception))}`);
    } else if (status >= 500) {
      // Log the kind and stack, never the request body: it may hold ID numbers and phones.
      this.logger.error(redact(exception instanceof Error ? exception.stack ?? exception.message : String(exception)));
    }
    void reply.status(status).header('content-type', 'application/json; charset=utf-8').send(body);
  }
}

export function toErrorBody(exception: unknown): { status: number; body: Record<string, unknown> } {
  if (isDatabaseUnavailable(exception)) return { status: 503, body: { code: 'DATABASE_UNAVAILABLE', message: DATABASE_UNAVAILABLE_MESSAGE } };
  if (exception instanceof AppError) {
    return { status: exception.status, body: { code: exception.code, message: exception.message, ...exception.details } };
  }
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    // Nest hands Fastify's body-parser failures over as plain HttpExceptions carrying Fastify's message.
    if (status === 400 && /JSON/i.test(exception.message)) return { status, body: { code: 'MALFORMED_JSON', message: '请求内容不是有效的 JSON' } };
    const [code, message] = STATUS_CODES[status] ?? ['HTTP_ERROR', '请求未能完成'];
    return { status, body: { code, message } };
  }
  // Fastify's own errors (malformed JSON, body too large, wrong content type) carry statusCode.
  const statusCode = (exception as { statusCode?: unknown })?.statusCode;
  if (typeof statusCode === 'number' && statusCode >= 400 && statusCode < 500) {
    const [code, message] = STATUS_CODES[statusCode] ?? ['BAD_REQUEST', '请求格式有误'];
    return { status: statusCode, body: { code, message } };
  }
  return { status: 500, body: { code: 'INTERNAL_ERROR', message: '系统繁忙，请稍后重试' } };
}
