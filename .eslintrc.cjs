/* Lint for the whole repo. The one rule that shapes the architecture: src/domain stays pure. */
module.exports = {
  root: true,
  parser: '@typescript-eslint/parser',
  parserOptions: { ecmaVersion: 2022, sourceType: 'module', ecmaFeatures: { jsx: true } },
  plugins: ['@typescript-eslint', 'react', 'react-hooks'],
  extends: ['eslint:recommended', 'plugin:@typescript-eslint/recommended', 'plugin:react/recommended', 'plugin:react/jsx-runtime', 'plugin:react-hooks/recommended'],
  settings: { react: { version: '18.3' } },
  env: { es2022: true, node: true, browser: true, jest: true },
  globals: { wx: 'readonly', getApp: 'readonly', getCurrentPages: 'readonly', Component: 'readonly', Page: 'readonly', App: 'readonly' },
  rules: {
    '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    '@typescript-eslint/no-explicit-any': 'error',
    'react/prop-types': 'off',
    'no-console': 'off',
  },
  overrides: [
    {
      files: ['src/domain/**/*.ts'],
      rules: {
        'no-restricted-imports': [
          'error',
          {
            patterns: [
              { group: ['@tarojs/*'], message: 'src/domain is pure TypeScript shared with the cloud: no Taro.' },
              { group: ['react', 'react-dom', 'react/*'], message: 'src/domain is pure: no React.' },
              { group: ['zustand', 'zustand/*'], message: 'src/domain is pure: no zustand.' },
              { group: ['wx-server-sdk'], message: 'src/domain is pure: no wx-server-sdk.' },
              { group: ['@nutui/*'], message: 'src/domain is pure: no UI library.' },
              { group: ['../services/*', '../stores/*', '../components/*', '../pages/*', '@/services/*', '@/stores/*'], message: 'src/domain must not depend on the app.' },
            ],
          },
        ],
      },
    },
    { files: ['**/*.js', '**/*.cjs'], rules: { '@typescript-eslint/no-var-requires': 'off', '@typescript-eslint/no-require-imports': 'off' } },
    { files: ['src/native/**/*.js'], env: { browser: false, node: false } },
  ],
  ignorePatterns: ['node_modules/', 'dist/', '.temp/', 'cloudfunctions/*/index.js', '.data/', 'coverage/', 'artifacts/'],
};
