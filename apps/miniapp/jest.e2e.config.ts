import type { Config } from 'jest'
import { swcTransform } from '../../jest.swc'

/**
 * Browser end-to-end journeys: the real H5 build in Debian's Chromium (playwright-core) against
 * the real API (`apps/api/dist/main.js`) on a fresh SQLite file with the demo data. globalSetup
 * builds what is stale (the same builder `npm start` uses) and fails loudly without Chromium.
 */
const config: Config = {
  displayName: 'miniapp-e2e',
  rootDir: __dirname,
  testEnvironment: 'node',
  roots: ['<rootDir>/e2e'],
  testMatch: ['**/*.e2e.test.ts'],
  transform: swcTransform,
  globalSetup: '<rootDir>/e2e/global-setup.ts',
  // A whole journey through several logins, on a 2-core machine next to the other suites.
  setupFilesAfterEnv: ['<rootDir>/e2e/support/timeouts.ts'],
  slowTestThreshold: 60,
  coveragePathIgnorePatterns: ['/node_modules/', '/libs/rules/'],
}

export default config
