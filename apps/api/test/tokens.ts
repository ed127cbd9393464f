import { createHmac } from 'node:crypto';

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

/**
 * A JWT made by hand, so tests can forge what the API must refuse: missing claims, another
 * algorithm, a wrong secret, an expired one.
 */
export function handMadeToken(claims: Record<string, unknown>, secret: string, alg: 'HS256' | 'HS512' = 'HS256'): string {
  const head = `${b64({ alg, typ: 'JWT' })}.${b64(claims)}`;
  const mac = createHmac(alg === 'HS256' ? 'sha256' : 'sha512', secret).update(head).digest('base64url');
  return `${head}.${mac}`;
}
