import type { Config } from 'jest';
import { libsAlias, swcTransform } from '../jest.swc';

const config: Config = {
  displayName: 'infra',
  testEnvironment: 'node',
  roots: ['<rootDir>'],
  testPathIgnorePatterns: ['/node_modules/'],
  transform: swcTransform,
  // The database specs reach the API's entities, which import libs/rules: its sources, as in apps/api.
  moduleNameMapper: libsAlias,
  // libs/rules' coverage is measured by its own suite; a second instrumenter would garble the merge.
  coveragePathIgnorePatterns: ['/node_modules/', '/libs/rules/'],
  // The specs drive the built bundles: build them once, before any worker starts (never in parallel).
  globalSetup: '<rootDir>/test/global-setup.ts',
  testTimeout: 60_000,
};

export default config;
