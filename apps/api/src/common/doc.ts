import { SetMetadata } from '@nestjs/common';
import type { ContractSchemas } from '../openapi/contract-types';

/**
 * `@Doc({ summary, response, errors })` on every route: what the OpenAPI document says about it.
 * Only metadata here — @nestjs/swagger is loaded by the document builder (openapi/document.ts) when
 * docs are on, never by the cloud functions, which bundle the controllers but not the docs.
 *
 * `response` names a type of @xianjie/contract, and the compiler checks that the handler returns
 * it: the document and the code cannot say different things.
 */
export const DOC_METADATA = 'xj:doc';

export type SchemaName = keyof ContractSchemas & string;
/** A contract type, `Type[]` for a JSON array of them, `Type | null`, `xlsx` for a workbook, `null` for no body (204). */
export type ResponseSpec = SchemaName | `${SchemaName}[]` | `${SchemaName} | null` | 'xlsx' | null;
/**
 * Error answers a route may give beyond the ones the builder adds by itself: 401 and 403 on every
 * route that needs a session (403 PASSWORD_CHANGE_REQUIRED before the first password change),
 * 400 (validation) where there is a body or query, 413 where there is a body, 503 (database
 * unavailable) everywhere but liveness.
 */
export type ErrorStatus = 403 | 404 | 409 | 410 | 422 | 429;

export type ResponseBody<R extends ResponseSpec> = R extends `${infer N extends SchemaName}[]`
  ? ContractSchemas[N][]
  : R extends `${infer N extends SchemaName} | null`
    ? ContractSchemas[N] | null
    : R extends SchemaName
    ? ContractSchemas[R]
    : R extends 'xlsx'
      ? Buffer
      : void;

export interface DocSpec<R extends ResponseSpec = ResponseSpec> {
  /** Chinese, one line: what the operation does. */
  summary: string;
  /** Chinese: who may call it and what to know (Markdown). */
  description?: string;
  response: R;
  errors?: readonly ErrorStatus[];
  /** `?format=xlsx` answers the same data as a workbook. */
  xlsx?: boolean;
  /** The body is one page; `X-Total-Count` says how many there are in all. */
  totalCount?: boolean;
  /** Never touches the database (liveness): no 503. */
  noDatabase?: boolean;
  /** A request body example (the linter checks it against the DTO's schema). */
  example?: unknown;
  /** A 2xx body example: typed as the contract type, and the linter checks it against its schema. */
  responseExample?: ResponseBody<R>;
}

/** What a handler documented with `spec` may return: the named type (or, with `xlsx: true`, also a workbook). */
type Handler<R extends ResponseSpec, X extends boolean> = (...args: never[]) => Returned<ResponseBody<R> | (X extends true ? Buffer : never)>;
type Returned<T> = T | Promise<T>;

export function Doc<R extends ResponseSpec, X extends boolean = false>(spec: DocSpec<R> & { xlsx?: X }) {
  return <T extends Handler<R, X>>(target: object, key: string | symbol, descriptor: TypedPropertyDescriptor<T>): void => {
    SetMetadata(DOC_METADATA, spec)(target, key, descriptor);
  };
}
