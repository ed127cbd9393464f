/**
 * API-gateway events ⇄ Fastify `inject()` requests, without a socket. Pure data, no framework
 * import, so the cold path loads nothing for it. Shapes understood:
 *  - Tencent SCF API gateway trigger: `{ httpMethod, path, headers, queryString, body, isBase64Encoded,
 *    requestContext: { serviceId, sourceIp, stage, … } }` (`queryStringParameters` holds only the
 *    parameters declared on the API, `queryString` all of them);
 *  - CloudBase HTTP access and AWS API Gateway REST (v1): `{ httpMethod, path, headers,
 *    multiValueHeaders?, queryStringParameters, multiValueQueryStringParameters?, body, isBase64Encoded }`;
 *  - AWS HTTP API (v2): `{ version: '2.0', rawPath, rawQueryString, cookies?, headers, body,
 *    isBase64Encoded, requestContext: { http: { method, sourceIp } } }`.
 */

type Dict<T> = Record<string, T | undefined> | null | undefined;

export interface GatewayEvent {
  version?: string;
  httpMethod?: string;
  path?: string;
  rawPath?: string;
  rawQueryString?: string;
  headers?: Dict<string>;
  multiValueHeaders?: Dict<string[]>;
  queryString?: Dict<string | string[]>;
  queryStringParameters?: Dict<string>;
  multiValueQueryStringParameters?: Dict<string[]>;
  cookies?: string[];
  body?: string | Record<string, unknown> | null;
  isBase64Encoded?: boolean;
  requestContext?: {
    sourceIp?: string;
    identity?: { sourceIp?: string };
    http?: { method?: string; path?: string; sourceIp?: string };
    [key: string]: unknown;
  };
}

export interface InjectRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  payload?: Buffer;
  remoteAddress?: string;
}

/** What `inject()` resolves to (the parts we read). */
export interface InjectResponse {
  statusCode: number;
  headers: Record<string, string | string[] | number | undefined>;
  rawPayload: Buffer;
}

export interface GatewayResponse {
  statusCode: number;
  headers: Record<string, string>;
  /** AWS v1 with multi-value headers: every value of repeated headers (Set-Cookie). */
  multiValueHeaders?: Record<string, string[]>;
  /** v2: Set-Cookie values. */
  cookies?: string[];
  body: string;
  isBase64Encoded: boolean;
}

export class UnsupportedEvent extends Error {}

export function isHttpEvent(event: unknown): event is GatewayEvent {
  if (!event || typeof event !== 'object') return false;
  const e = event as GatewayEvent;
  return typeof e.httpMethod === 'string' || typeof e.rawPath === 'string' || typeof e.requestContext?.http?.method === 'string';
}

const isV2 = (e: GatewayEvent): boolean => e.version === '2.0' || typeof e.rawPath === 'string';

function queryString(e: GatewayEvent): string {
  if (isV2(e)) return e.rawQueryString ?? '';
  const params = new URLSearchParams();
  // The fullest source first: repeated keys, then Tencent's all-parameters map, then the plain map.
  const source: Dict<string | string[]> = e.multiValueQueryStringParameters ?? e.queryString ?? e.queryStringParameters;
  for (const [key, value] of Object.entries(source ?? {})) {
    if (value === undefined || value === null) continue;
    for (const v of Array.isArray(value) ? value : [value]) params.append(key, String(v));
  }
  return params.toString();
}

function headers(e: GatewayEvent): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(e.headers ?? {})) {
    if (value !== undefined && value !== null) out[name.toLowerCase()] = String(value);
  }
  for (const [name, values] of Object.entries(e.multiValueHeaders ?? {})) {
    if (!values?.length) continue;
    const key = name.toLowerCase();
    out[key] = values.join(key === 'cookie' ? '; ' : ', ');
  }
  if (e.cookies?.length) out.cookie = [out.cookie, ...e.cookies].filter(Boolean).join('; ');
  return out;
}

function sourceIp(e: GatewayEvent): string | undefined {
  const rc = e.requestContext;
  return rc?.http?.sourceIp ?? rc?.identity?.sourceIp ?? rc?.sourceIp;
}

/** The request Fastify should see for a gateway event. */
export function toInjectRequest(event: GatewayEvent): InjectRequest {
  const method = (event.requestContext?.http?.method ?? event.httpMethod ?? '').toUpperCase();
  const path = event.rawPath ?? event.path ?? event.requestContext?.http?.path;
  if (!method || typeof path !== 'string') throw new UnsupportedEvent('not an API-gateway event: no method or path');
  const query = queryString(event);
  const hdrs = headers(event);
  let payload: Buffer | undefined;
  if (event.body !== undefined && event.body !== null && event.body !== '') {
    if (typeof event.body === 'string') {
      payload = Buffer.from(event.body, event.isBase64Encoded ? 'base64' : 'utf8');
    } else {
      // Some callers (console tests, SDK invokes) hand over an already-parsed JSON body.
      payload = Buffer.from(JSON.stringify(event.body), 'utf8');
      hdrs['content-type'] ??= 'application/json';
    }
    // The gateway may have sent a length for the encoded body; Fastify checks it against the bytes.
    hdrs['content-length'] = String(payload.length);
  }
  const url = `${path.startsWith('/') ? path : `/${path}`}${query ? `?${query}` : ''}`;
  return { method, url, headers: hdrs, payload, remoteAddress: sourceIp(event) };
}

const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'upgrade']);
const TEXTUAL = /^(text\/|application\/([\w.+-]*\+)?(json|xml|javascript|x-www-form-urlencoded))|^image\/svg\+xml/i;

/** The gateway's answer for an inject response; text bodies stay text, anything else goes base64. */
export function toGatewayResponse(res: InjectResponse, event: GatewayEvent): GatewayResponse {
  const single: Record<string, string> = {};
  const multi: Record<string, string[]> = {};
  let cookies: string[] = [];
  for (const [name, value] of Object.entries(res.headers)) {
    if (value === undefined || HOP_BY_HOP.has(name)) continue;
    const values = (Array.isArray(value) ? value : [value]).map(String);
    if (name === 'set-cookie') cookies = values;
    else single[name] = values.join(', ');
    multi[name] = values;
  }
  const contentType = single['content-type'] ?? '';
  const textual = !single['content-encoding'] && (res.rawPayload.length === 0 || TEXTUAL.test(contentType));
  const out: GatewayResponse = {
    statusCode: res.statusCode,
    headers: single,
    body: textual ? res.rawPayload.toString('utf8') : res.rawPayload.toString('base64'),
    isBase64Encoded: !textual,
  };
  if (isV2(event)) {
    if (cookies.length) out.cookies = cookies;
  } else {
    if (cookies.length) single['set-cookie'] = cookies[cookies.length - 1];
    // Only gateways that sent multi-value headers read them back (Tencent's integration response has none).
    if (event.multiValueHeaders) out.multiValueHeaders = multi;
  }
  return out;
}

/** A JSON answer in the contract's error shape, for failures before the app can answer. */
export function errorResponse(statusCode: number, code: string, message: string): GatewayResponse {
  return {
    statusCode,
    headers: { 'content-type': 'application/json; charset=utf-8' },
    body: JSON.stringify({ code, message }),
    isBase64Encoded: false,
  };
}
