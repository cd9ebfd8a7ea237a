/** Browser journeys: the H5 build in headless Chromium against the local CloudBase. One at a time. */
const path = require('path');

const root = path.resolve(__dirname, '..', '..');
module.exports = {
  rootDir: root,
  displayName: 'e2e',
  testEnvironment: 'node',
  testMatch: ['<rootDir>/tests/e2e/**/*.e2e.ts'],
  transform: { '^.+\\.(t|j)sx?$': '<rootDir>/tests/support/esbuild-transform.js' },
  moduleNameMapper: { '^@/(.*)$': '<rootDir>/src/$1' },
  globalSetup: '<rootDir>/tests/support/build-cloud-once.js',
  testTimeout: 120_000,
  maxWorkers: 1,
};
