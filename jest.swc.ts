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

export const rulesAlias = { '^@xianjie/rules$': '<rootDir>/../../libs/rules/src/index.ts' };

/** The workspace libraries from their TypeScript source, never from a stale dist. */
export const libsAlias = { ...rulesAlias, '^@xianjie/contract$': '<rootDir>/../../libs/contract/src/index.ts' };
