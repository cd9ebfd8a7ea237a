// Jest transform: esbuild strips TypeScript and JSX (the same compiler that bundles the cloud
// functions), then Babel does only what jest needs: hoist jest.mock() above the imports it
// replaces, and turn ES modules into CommonJS.
const { transformSync } = require('esbuild');
const babel = require('@babel/core');
const path = require('path');

module.exports = {
  process(source, filename) {
    const ext = path.extname(filename).slice(1);
    const loader = ext === 'tsx' ? 'tsx' : ext === 'ts' ? 'ts' : ext === 'jsx' ? 'jsx' : 'js';
    const stripped = transformSync(source, {
      loader,
      format: 'esm',
      target: 'node20',
      jsx: 'automatic',
      sourcemap: 'external',
      sourcefile: filename,
    });
    const result = babel.transformSync(stripped.code, {
      filename,
      babelrc: false,
      configFile: false,
      sourceMaps: 'both',
      inputSourceMap: JSON.parse(stripped.map),
      plugins: [require.resolve('babel-plugin-jest-hoist'), [require.resolve('@babel/plugin-transform-modules-commonjs'), { importInterop: 'babel' }]],
    });
    return { code: result.code, map: result.map };
  },
  getCacheKey(source, filename) {
    return require('crypto').createHash('sha1').update(source).update(filename).update('esbuild+hoist-v2').digest('hex');
  },
};
