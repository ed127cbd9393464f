/**
 * How much a request body may carry, per route. Fastify refuses a body over `bytes` (413) before
 * it is parsed; the shape limits are checked on the parsed JSON before any pipe runs, because
 * class-transformer removes duplicate keys in time quadratic in an object's key count and
 * recurses once per level (a 100k-key object cost 12 s of CPU, 5,000 levels overflowed the stack).
 */
export interface BodyLimits {
  /** Raw body size, bytes (any content type). */
  bytes: number;
  /** Keys of one object (what class-transformer is quadratic in; arrays are bounded by `values`). */
  keysPerObject: number;
  /** Every value in the body: objects, arrays, strings, numbers, … */
  values: number;
  /** Objects and arrays inside one another below the root (the root is level 0). */
  depth: number;
}

export const DEFAULT_BODY_LIMITS: BodyLimits = { bytes: 64 * 1024, keysPerObject: 100, values: 5_000, depth: 6 };

/**
 * Routes that need other limits, first match wins. `path` is the full route path as Fastify
 * registers it (with the `/api/v1` prefix and `:param` placeholders).
 */
export const ROUTE_BODY_LIMITS: Array<{ method: string | '*'; path: RegExp; limits: BodyLimits }> = [
  // Login and password change carry two short strings: anything bigger is not a person typing.
  { method: '*', path: /^\/api\/v1\/auth\//, limits: { bytes: 4 * 1024, keysPerObject: 16, values: 64, depth: 1 } },
  // A school of 20,000 members as one JSON file (≈ 8 MB), or the same as .xlsx; rows of ≈ 8 fields.
  { method: 'POST', path: /^\/api\/v1\/admin\/import$/, limits: { bytes: 16 * 1024 * 1024, keysPerObject: 64, values: 500_000, depth: 4 } },
  // 批量转入: at most 1,000 rows of three short cells — a few dozen KB as .xlsx; 1 MB leaves room for styling.
  { method: 'POST', path: /^\/api\/v1\/transfers\/pull-in\/batch$/, limits: { bytes: 1024 * 1024, keysPerObject: 16, values: 64, depth: 2 } },
];

export function bodyLimitsFor(method: string, path: string): BodyLimits {
  const hit = ROUTE_BODY_LIMITS.find((r) => (r.method === '*' || r.method === method) && r.path.test(path));
  return hit?.limits ?? DEFAULT_BODY_LIMITS;
}
