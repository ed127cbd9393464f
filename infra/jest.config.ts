import type { Config } from 'jest';
import { swcTransform } from '../jest.swc';

const config: Config = {
  displayName: 'infra',
  testEnvironment: 'node',
  roots: ['<rootDir>'],
  testPathIgnorePatterns: ['/node_modules/'],
  transform: swcTransform,
  // libs/rules' coverage is measured by its own suite; a second instrumenter would garble the merge.
  coveragePathIgnorePatterns: ['/node_modules/', '/libs/rules/'],
  // The specs drive the built bundles: build them once, before any worker starts (never in parallel).
  globalSetup: '<rootDir>/test/global-setup.ts',
  testTimeout: 60_000,
};

export default config;
