import { errorResponse, isHttpEvent, toGatewayResponse, toInjectRequest, UnsupportedEvent } from './events';

describe('API-gateway events → inject requests', () => {
  it('reads the Tencent SCF shape: all query parameters from queryString, repeated keys as arrays, the source IP', () => {
    const req = toInjectRequest({
      httpMethod: 'post',
      path: '/api/v1/orgs',
      headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': '14.17.22.36' },
      queryStringParameters: { q: 'declared-only' },
      queryString: { q: '洪山', tag: ['a', 'b'] },
      body: '{"a":1}',
      isBase64Encoded: false,
      requestContext: { sourceIp: '14.17.22.36', serviceId: 'service-x', stage: 'release' },
    });
    expect(req.method).toBe('POST');
    expect(req.url).toBe(`/api/v1/orgs?q=${encodeURIComponent('洪山')}&tag=a&tag=b`);
    expect(req.headers).toMatchObject({ 'content-type': 'application/json', 'x-forwarded-for': '14.17.22.36', 'content-length': '7' });
    expect(req.payload?.toString()).toBe('{"a":1}');
    expect(req.remoteAddress).toBe('14.17.22.36');
  });

  it('decodes a base64 body and measures its length in bytes', () => {
    const text = JSON.stringify({ name: '李明' });
    const req = toInjectRequest({ httpMethod: 'POST', path: '/x', headers: { 'content-length': '999' }, body: Buffer.from(text).toString('base64'), isBase64Encoded: true });
    expect(req.payload?.toString('utf8')).toBe(text);
    expect(req.headers['content-length']).toBe(String(Buffer.byteLength(text)));
  });

  it('serialises an already-parsed body as JSON', () => {
    const req = toInjectRequest({ httpMethod: 'POST', path: '/x', body: { a: 1 } });
    expect(req.payload?.toString()).toBe('{"a":1}');
    expect(req.headers['content-type']).toBe('application/json');
  });

  it('reads AWS v1 multi-value maps and v2 raw query strings and cookies', () => {
    const v1 = toInjectRequest({
      httpMethod: 'GET',
      path: '/a',
      headers: { Accept: 'x' },
      multiValueHeaders: { Accept: ['a', 'b'], Cookie: ['c=1', 'd=2'] },
      queryStringParameters: { k: 'last' },
      multiValueQueryStringParameters: { k: ['first', 'last'] },
      requestContext: { identity: { sourceIp: '10.0.0.1' } },
    });
    expect(v1.url).toBe('/a?k=first&k=last');
    expect(v1.headers).toMatchObject({ accept: 'a, b', cookie: 'c=1; d=2' });
    expect(v1.remoteAddress).toBe('10.0.0.1');
    const v2 = toInjectRequest({ version: '2.0', rawPath: '/b', rawQueryString: 'x=1&x=2', cookies: ['s=1', 't=2'], headers: {}, requestContext: { http: { method: 'DELETE', sourceIp: '10.0.0.2' } } });
    expect(v2).toMatchObject({ method: 'DELETE', url: '/b?x=1&x=2', headers: { cookie: 's=1; t=2' }, remoteAddress: '10.0.0.2' });
    expect(v2.payload).toBeUndefined();
  });

  it('tells gateway events from others, and refuses an event without method or path', () => {
    expect(isHttpEvent({ httpMethod: 'GET', path: '/' })).toBe(true);
    expect(isHttpEvent({ version: '2.0', rawPath: '/' })).toBe(true);
    expect(isHttpEvent({ Type: 'Timer' })).toBe(false);
    expect(isHttpEvent(null)).toBe(false);
    expect(() => toInjectRequest({ httpMethod: 'GET' })).toThrow(UnsupportedEvent);
  });
});

describe('inject responses → gateway responses', () => {
  const res = (headers: Record<string, string | string[] | number>, body: string | Buffer, statusCode = 200) => ({
    statusCode,
    headers,
    rawPayload: Buffer.isBuffer(body) ? body : Buffer.from(body),
  });

  it('keeps JSON as text, drops hop-by-hop headers and joins repeated ones', () => {
    const out = toGatewayResponse(res({ 'content-type': 'application/json; charset=utf-8', 'content-length': 15, connection: 'keep-alive', vary: ['Origin', 'Accept'] }, '{"status":"ok"}'), { httpMethod: 'GET', path: '/' });
    expect(out).toEqual({
      statusCode: 200,
      headers: { 'content-type': 'application/json; charset=utf-8', 'content-length': '15', vary: 'Origin, Accept' },
      body: '{"status":"ok"}',
      isBase64Encoded: false,
    });
  });

  it('base64-encodes binary and compressed bodies', () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47]);
    expect(toGatewayResponse(res({ 'content-type': 'image/png' }, png), { httpMethod: 'GET', path: '/' })).toMatchObject({ body: png.toString('base64'), isBase64Encoded: true });
    expect(toGatewayResponse(res({ 'content-type': 'application/json', 'content-encoding': 'gzip' }, png), { httpMethod: 'GET', path: '/' }).isBase64Encoded).toBe(true);
    expect(toGatewayResponse(res({}, ''), { httpMethod: 'GET', path: '/' })).toMatchObject({ body: '', isBase64Encoded: false });
  });

  it('returns Set-Cookie as cookies to v2 and as multi-value headers to v1 gateways that sent them', () => {
    const r = res({ 'set-cookie': ['a=1', 'b=2'], 'content-type': 'text/plain' }, 'hi');
    expect(toGatewayResponse(r, { version: '2.0', rawPath: '/' }).cookies).toEqual(['a=1', 'b=2']);
    const v1 = toGatewayResponse(r, { httpMethod: 'GET', path: '/', multiValueHeaders: {} });
    expect(v1.multiValueHeaders?.['set-cookie']).toEqual(['a=1', 'b=2']);
    const tencent = toGatewayResponse(r, { httpMethod: 'GET', path: '/' });
    expect(tencent.multiValueHeaders).toBeUndefined();
    expect(tencent.headers['set-cookie']).toBe('b=2');
  });

  it('builds error answers in the contract shape', () => {
    const out = errorResponse(503, 'SERVICE_UNAVAILABLE', '服务暂时不可用');
    expect(JSON.parse(out.body)).toEqual({ code: 'SERVICE_UNAVAILABLE', message: '服务暂时不可用' });
    expect(out.statusCode).toBe(503);
  });
});
