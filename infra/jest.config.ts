import type { Config } from 'jest';
import { swcTransform } from '../jest.swc';

const config: Config = {
  displayName: 'infra',
  testEnvironment: 'node',
  roots: ['<rootDir>'],
  testPathIgnorePatterns: ['/node_modules/'],
  transform: swcTransform,
  passWithNoTests: false,
};

export default config;
