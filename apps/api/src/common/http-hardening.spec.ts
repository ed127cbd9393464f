import { AppError, ValidationFailed } from './app-error';
import { BodyLimits, bodyLimitsFor, DEFAULT_BODY_LIMITS } from './body-limits';
import { inlineScriptHashes, inspect } from './http-hardening';

const limits: BodyLimits = { bytes: 1024, keysPerObject: 3, values: 20, depth: 2 };
const refusal = (fn: () => void): AppError => {
  try {
    fn();
  } catch (e) {
    return e as AppError;
  }
  throw new Error('not refused');
};

describe('inspect (the shape check before any pipe)', () => {
  it('passes ordinary input, including null-prototype query objects', () => {
    const query = Object.assign(Object.create(null), { q: '计算机', offset: '0' });
    expect(() => inspect(query, limits, '')).not.toThrow();
    expect(() => inspect({ a: [1, 'x'], b: { c: null } }, limits, '')).not.toThrow();
    expect(() => inspect(Buffer.alloc(5000), limits, '')).not.toThrow();
  });

  it('names the field that holds a NUL byte, in objects, arrays and query objects', () => {
    // fast-querystring's objects inherit from an empty null-prototype object.
    const query = Object.assign(Object.create(Object.create(null)), { q: 'a\u0000b' });
    const e = refusal(() => inspect(query, limits, ''));
    expect(e).toBeInstanceOf(ValidationFailed);
    expect(e.details).toEqual({ errors: [{ field: 'q', message: expect.stringContaining('空字符') }] });
    expect(refusal(() => inspect({ orgs: [{ name: 'x\u0000' }] }, limits, '')).details).toEqual({ errors: [{ field: 'orgs.0.name', message: expect.any(String) }] });
    expect(refusal(() => inspect('\u0000', limits, '')).status).toBe(400);
  });

  it('refuses too many keys in one object, too many values, too deep', () => {
    expect(refusal(() => inspect({ a: { w: 1, x: 1, y: 1, z: 1 } }, limits, '')).details).toEqual({ errors: [{ field: 'a', message: expect.stringContaining('字段过多') }] });
    expect(refusal(() => inspect(Array.from({ length: 30 }, () => 1), limits, '')).status).toBe(413);
    expect(refusal(() => inspect({ a: { b: { c: {} } } }, limits, '')).details).toEqual({ errors: [{ field: 'a.b.c', message: '嵌套层级过深' }] });
  });

  it('walks 100,000 levels without recursion', () => {
    let deep: unknown = [];
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(() => inspect(deep, { ...DEFAULT_BODY_LIMITS, values: 1_000_000, depth: 200_000 }, '')).not.toThrow();
  });
});

describe('bodyLimitsFor', () => {
  it('gives auth a few KB, the import a school file, everything else the default', () => {
    expect(bodyLimitsFor('POST', '/api/v1/auth/login').bytes).toBeLessThanOrEqual(8 * 1024);
    expect(bodyLimitsFor('POST', '/api/v1/admin/import').bytes).toBeGreaterThanOrEqual(8 * 1024 * 1024);
    expect(bodyLimitsFor('GET', '/api/v1/admin/import')).toBe(DEFAULT_BODY_LIMITS);
    expect(bodyLimitsFor('POST', '/api/v1/transfers')).toBe(DEFAULT_BODY_LIMITS);
  });
});

describe('inlineScriptHashes', () => {
  it('is empty when no H5 app is served', () => {
    expect(inlineScriptHashes(null)).toEqual([]);
    expect(inlineScriptHashes('/no/such/dir')).toEqual([]);
  });
});
