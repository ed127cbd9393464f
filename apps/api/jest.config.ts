import type { Config } from 'jest';
import { libsAlias, swcTransform } from '../../jest.swc';

const config: Config = {
  displayName: 'api',
  testEnvironment: 'node',
  roots: ['<rootDir>/src', '<rootDir>/test'],
  testMatch: ['**/*.spec.ts', '**/*.e2e-spec.ts'],
  transform: swcTransform,
  // @fastify/static requires content-disposition 3, an ES module (Node 20 loads it with require(esm);
  // jest's module system does not): compiled to CommonJS like the project's own files.
  transformIgnorePatterns: ['/node_modules/(?!content-disposition/)'],
  moduleNameMapper: libsAlias,
  // libs/rules' coverage is measured by its own suite; a second instrumenter would garble the merge.
  coveragePathIgnorePatterns: ['/node_modules/', '/libs/rules/', '/libs/contract/'],
  // e2e suites open real databases; give them room on a 2-core machine.
  testTimeout: 60_000,
};

export default config;
