import type { Config } from 'jest';

/**
 * One jest run for the whole monorepo: a project per workspace.
 * Coverage is collected for libs/rules only, where the brief sets a 95 % floor.
 */
const config: Config = {
  projects: [
    '<rootDir>/libs/rules',
    '<rootDir>/libs/contract',
    '<rootDir>/apps/api',
    '<rootDir>/apps/miniapp',
    '<rootDir>/apps/miniapp/jest.e2e.config.ts',
    '<rootDir>/infra',
  ],
  // Global, not per project: with `projects`, jest reads testTimeout from the root config only.
  // The e2e suites open real databases on a 2-core machine.
  testTimeout: 60_000,
  collectCoverageFrom: ['<rootDir>/libs/rules/src/**/*.ts', '!<rootDir>/libs/rules/src/**/*.spec.ts'],
  coverageReporters: ['text-summary'],
  coverageThreshold: {
    global: {},
    './libs/rules/src/': { lines: 95, branches: 95 },
  },
};

export default config;
