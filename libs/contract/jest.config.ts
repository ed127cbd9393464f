import type { Config } from 'jest';
import { libsAlias, swcTransform } from '../../jest.swc';

const config: Config = {
  displayName: 'contract',
  testEnvironment: 'node',
  roots: ['<rootDir>/src'],
  transform: swcTransform,
  moduleNameMapper: libsAlias,
  // libs/rules' coverage is measured by its own suite; a second instrumenter would garble the merge.
  coveragePathIgnorePatterns: ['/node_modules/', '/libs/rules/'],
};

export default config;
