const fs = require('node:fs');
const swcConfig = JSON.parse(fs.readFileSync(`${__dirname}/.swcrc`, 'utf8'));

const moduleNameMapper = {
  '^@mpp/config$': '<rootDir>/libs/config/src',
  '^@mpp/contracts$': '<rootDir>/libs/contracts/src',
  '^@mpp/kafka$': '<rootDir>/libs/kafka/src',
  '^@mpp/persistence$': '<rootDir>/libs/persistence/src',
  '^@mpp/observability$': '<rootDir>/libs/observability/src',
  '^@mpp/adapter-sdk$': '<rootDir>/libs/adapter-sdk/src',
  '^@mpp/working-time$': '<rootDir>/libs/working-time/src',
  '^@mpp/flow$': '<rootDir>/libs/flow/src',
  '^@mpp/audit$': '<rootDir>/libs/audit/src',
  '^@mpp/validation$': '<rootDir>/libs/validation/src',
  '^@mpp/problems$': '<rootDir>/libs/problems/src',
  '^@mpp/adapter-sdk/testing$': '<rootDir>/libs/adapter-sdk/src/testing',
};
const transform = { '^.+\\.ts$': ['@swc/jest', { ...swcConfig, swcrc: false }] };
const common = {
  rootDir: __dirname,
  moduleFileExtensions: ['ts', 'js', 'json'],
  transform,
  moduleNameMapper,
  testEnvironment: 'node',
};

/** Unit specs sit beside the code; integration and end-to-end tests under test/ use the real broker and database. */
module.exports = {
  // A global option: integration tests wait on real brokers and databases.
  testTimeout: 60000,
  projects: [
    {
      ...common,
      displayName: 'unit',
      testMatch: ['<rootDir>/apps/**/*.spec.ts', '<rootDir>/libs/**/*.spec.ts'],
    },
    {
      ...common,
      displayName: 'integration',
      testMatch: ['<rootDir>/test/**/*.test.ts'],
      globalSetup: '<rootDir>/test/support/global-setup.js',
      globalTeardown: '<rootDir>/test/support/global-teardown.js',
    },
  ],
};
