import { createSecretKey } from 'node:crypto';
import type { JwtModuleOptions } from '@nestjs/jwt';

/** What a session token carries. `sid` names the session, so a password change can keep exactly one. */
export interface TokenPayload {
  sub: string;
  ver: number;
  sid: string;
  exp: number;
}

/**
 * The key is made once: given a string, jsonwebtoken rebuilds a KeyObject on every verify
 * (`createPublicKey` failing, then `createSecretKey`), which a profile put at ~12 % of the CPU.
 * HS256 only, so tokens stay what they were and no other algorithm is accepted.
 */
export function jwtOptions(secret: string, ttlSeconds: number): JwtModuleOptions {
  return {
    global: true,
    secret: createSecretKey(Buffer.from(secret, 'utf8')),
    signOptions: { algorithm: 'HS256', expiresIn: ttlSeconds },
    verifyOptions: { algorithms: ['HS256'] },
  };
}

/** A verified payload is still only trusted when every claim the guard relies on is there and typed. */
export function isTokenPayload(value: unknown): value is TokenPayload {
  const p = value as Partial<TokenPayload> | null;
  return (
    !!p &&
    typeof p.sub === 'string' && p.sub.length > 0 &&
    typeof p.exp === 'number' && Number.isFinite(p.exp) &&
    typeof p.ver === 'number' && Number.isInteger(p.ver) &&
    typeof p.sid === 'string' && p.sid.length > 0
  );
}
