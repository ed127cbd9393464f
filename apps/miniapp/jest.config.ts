import path from 'node:path'
import type { Config } from 'jest'

/**
 * Page tests: jsdom + babel-jest (babel-preset-taro), rendering Taro's React components
 * (`@tarojs/components-react`) and the H5 flavour of the Taro API.
 */
const here = __dirname
const config: Config = {
  displayName: 'miniapp',
  rootDir: here,
  testEnvironment: 'jsdom',
  roots: ['<rootDir>/src'],
  testMatch: ['**/*.test.ts?(x)'],
  setupFiles: ['<rootDir>/test/setup.ts'],
  transform: {
    '^.+\\.(t|j)sx?$': ['babel-jest', { configFile: path.join(here, 'babel.config.js') }],
    '^.+\\.mjs$': ['babel-jest', { configFile: path.join(here, 'babel.config.js') }],
  },
  transformIgnorePatterns: [
    // Taro and a few of its dependencies ship ES modules; every other package is CommonJS.
    '^(?!.*(@tarojs|@nutui|tslib|swiper|lodash-es|@stencil|classnames|query-string|decode-uri-component|split-on-first|filter-obj|history|mobile-detect|nanoid)).*/node_modules/',
  ],
  moduleNameMapper: {
    '^@tarojs/taro$': '<rootDir>/test/taro.ts',
    '^@tarojs/components$': '<rootDir>/test/taro-components.ts',
    '^@xianjie/rules$': '<rootDir>/../../libs/rules/src/index.ts',
    '^@xianjie/contract$': '<rootDir>/../../libs/contract/src/index.ts',
    '\\.(css|scss|sass|less)$': '<rootDir>/test/style-stub.ts',
  },
  // libs/rules' coverage is measured by its own suite; a second instrumenter would garble the merge.
  coveragePathIgnorePatterns: ['/node_modules/', '/libs/rules/', '/libs/contract/'],
  moduleFileExtensions: ['ts', 'tsx', 'js', 'jsx', 'mjs', 'json'],
  globals: {
    ENABLE_INNER_HTML: true,
    ENABLE_ADJACENT_HTML: true,
    ENABLE_SIZE_APIS: true,
    ENABLE_TEMPLATE_CONTENT: true,
    ENABLE_MUTATION_OBSERVER: true,
    ENABLE_CLONE_NODE: true,
    ENABLE_CONTAINS: true,
    DEPRECATED_ADAPTER_COMPONENT: false,
    __TARO_FRAMEWORK__: 'react',
  },
}

export default config
