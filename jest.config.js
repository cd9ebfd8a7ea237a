/**
 * One jest run, several projects: pure domain rules, React components (jsdom with Taro stubs),
 * native custom components (miniprogram-simulate), the local CloudBase itself, and cloud
 * functions through the local CloudBase. Browser journeys run separately (tests/e2e).
 */
const transform = { '^.+\\.(t|j)sx?$': '<rootDir>/tests/support/esbuild-transform.js' };
const common = { rootDir: __dirname, transform, moduleNameMapper: { '^@/(.*)$': '<rootDir>/src/$1' } };

module.exports = {
  // Integration tests run real worker threads, real HTTP and the real SDK: seconds, not
  // milliseconds, on a busy machine. (testTimeout is global in jest, not per project.)
  testTimeout: 60_000,
  projects: [
    { ...common, displayName: 'domain', testEnvironment: 'node', testMatch: ['<rootDir>/src/domain/**/*.test.ts', '<rootDir>/tests/lint/**/*.test.ts', '<rootDir>/scripts/**/*.test.ts'] },
    {
      ...common,
      displayName: 'components',
      testEnvironment: 'jsdom',
      testMatch: ['<rootDir>/src/**/*.test.tsx', '<rootDir>/src/services/**/*.test.ts', '<rootDir>/src/stores/**/*.test.ts'],
      moduleNameMapper: {
        '^@tarojs/components$': '<rootDir>/tests/support/taro-components-stub.tsx',
        '^@tarojs/taro$': '<rootDir>/tests/support/taro-stub.ts',
        '^@nutui/nutui-react-taro$': '<rootDir>/tests/support/nutui-stub.tsx',
        '^@nutui/icons-react-taro$': '<rootDir>/tests/support/nutui-icons-stub.tsx',
        '\\.(css|scss)$': '<rootDir>/tests/support/style-stub.js',
        ...common.moduleNameMapper,
      },
    },
    { ...common, displayName: 'native', testEnvironment: 'jsdom', testMatch: ['<rootDir>/src/native/**/*.test.js'] },
    {
      ...common,
      displayName: 'emulator',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/emulator/**/*.test.ts'],
    },
    {
      ...common,
      displayName: 'cloud',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/cloudfunctions/**/*.test.ts', '<rootDir>/tests/integration/**/*.test.ts'],
      globalSetup: '<rootDir>/tests/support/build-cloud-once.js',
    },
  ],
};
