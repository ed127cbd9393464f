import { join } from 'node:path';
import type { Config } from 'jest';

/** The shared transform for Node workspaces: swc keeps decorator metadata (Nest, TypeORM, class-validator need it). */
export const swcTransform: Config['transform'] = {
  '^.+\\.(t|j)s$': [
    '@swc/jest',
    {
      jsc: {
        parser: { syntax: 'typescript', decorators: true },
        transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
        target: 'es2022',
      },
      module: { type: 'commonjs' },
    },
  ],
};

/**
 * The workspace libraries from their TypeScript source, never from a stale or missing dist (a fresh
 * clone has none). Absolute paths, so a workspace at any depth (apps/api, infra) can use it.
 */
export const libsAlias = {
  '^@xianjie/rules$': join(__dirname, 'libs/rules/src/index.ts'),
  '^@xianjie/contract$': join(__dirname, 'libs/contract/src/index.ts'),
};
