// Jest transform: esbuild turns TS/TSX/ESM into CommonJS, the same compiler that bundles the cloud functions.
const { transformSync } = require('esbuild');
const path = require('path');

module.exports = {
  process(source, filename) {
    const ext = path.extname(filename).slice(1);
    const loader = ext === 'tsx' ? 'tsx' : ext === 'ts' ? 'ts' : ext === 'jsx' ? 'jsx' : 'js';
    const { code, map } = transformSync(source, {
      loader,
      format: 'cjs',
      target: 'node20',
      jsx: 'automatic',
      sourcemap: 'both',
      sourcefile: filename,
    });
    return { code, map };
  },
  getCacheKey(source, filename) {
    return require('crypto').createHash('sha1').update(source).update(filename).update('esbuild-v1').digest('hex');
  },
};
