import type { Config } from 'jest';
import { swcTransform } from '../../jest.swc';

const config: Config = {
  displayName: 'rules',
  testEnvironment: 'node',
  roots: ['<rootDir>/src'],
  transform: swcTransform,
  collectCoverageFrom: ['src/**/*.ts', '!src/**/*.spec.ts'],
};

export default config;
