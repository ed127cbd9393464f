import type { Config } from 'jest';
import { swcTransform } from '../../jest.swc';

const config: Config = {
  displayName: 'rules',
  testEnvironment: 'node',
  roots: ['<rootDir>/src'],
  transform: swcTransform,
};

export default config;
