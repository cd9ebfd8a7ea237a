import path from 'node:path';
import { defineConfig, type UserConfigExport } from '@tarojs/cli';
import { require as tsxRequire } from 'tsx/cjs/api';
import devConfig from './dev';
import prodConfig from './prod';

/**
 * WeChat cloud environment the weapp build talks to. Set WEAVE_CLOUD_ENV when building for a real
 * environment; the placeholder keeps local builds working and is easy to spot in a bad release.
 */
const cloudEnvId = process.env.WEAVE_CLOUD_ENV || 'weave-prod-placeholder';

/**
 * Base URL of the local CloudBase HTTP gateway used by the H5 build. Empty means same origin: the
 * emulator serves dist/h5 itself, so `/api/functions/<name>` needs no host.
 */
const localApiBase = process.env.WEAVE_LOCAL_API_BASE || '';

const platform = process.env.TARO_ENV || 'weapp';

// Taro injects the shared Sass (below) as @import and NutUI's sources use it too; Dart Sass warns
// about @import on every file, which buries real warnings. Until Taro moves to @use, keep it quiet.
const sassLoaderOption = { sassOptions: { silenceDeprecations: ['import'] } };

// Taro only transpiles TypeScript under config/, so the brand tokens (src/theme/tokens.ts, the one
// place colours and sizes are written) are loaded through tsx and handed to Sass as variables.
const { scssVariables } = tsxRequire('../src/theme/tokens.ts', __filename) as typeof import('../src/theme/tokens');

export default defineConfig<'webpack5'>(async (merge) => {
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'weave',
    date: '2024-11-21',
    // NutUI React Taro is drawn on a 375 px design; using the same scale for our own styles keeps
    // one mental unit (1px in SCSS = 1 CSS px on a 375-wide phone) across the whole app.
    designWidth: 375,
    deviceRatio: {
      375: 2,
      640: 2.34 / 2,
      750: 1,
      828: 1.81 / 2,
    },
    sourceRoot: 'src',
    // One folder per platform: project.config.json points WeChat DevTools at dist/weapp and the
    // local CloudBase serves dist/h5.
    outputRoot: `dist/${platform}`,
    plugins: ['@tarojs/plugin-html'],
    defineConstants: {
      CLOUD_ENV_ID: JSON.stringify(cloudEnvId),
      LOCAL_API_BASE: JSON.stringify(localApiBase),
    },
    alias: {
      '@': path.resolve(__dirname, '..', 'src'),
    },
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: { type: 'webpack5', prebundle: { enable: false } },
    cache: { enable: false },
    sass: {
      // Token variables and mixins are available in every .scss file without an import.
      data: scssVariables(),
      resource: [path.resolve(__dirname, '..', 'src/theme/_mixins.scss')],
    },
    mini: {
      sassLoaderOption,
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
      // Code used only by subpackages stays in those subpackages instead of the main vendors chunk.
      optimizeMainPackage: { enable: true },
    },
    h5: {
      publicPath: '/',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      sassLoaderOption,
      output: {
        filename: 'js/[name].[contenthash:8].js',
        chunkFilename: 'js/[name].[contenthash:8].js',
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[contenthash:8].css',
        chunkFilename: 'css/[name].[contenthash:8].css',
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
    },
  };

  if (process.env.NODE_ENV === 'development') return merge({}, baseConfig, devConfig);
  return merge({}, baseConfig, prodConfig);
});
