// Integration tests run the very bundles that get deployed, so build them once before the run.
const { execFileSync } = require('child_process');
const path = require('path');

module.exports = async function buildCloudOnce() {
  const root = path.resolve(__dirname, '..', '..');
  execFileSync(path.join(root, 'node_modules', '.bin', 'tsx'), [path.join(root, 'scripts', 'build-cloud.ts')], {
    cwd: root,
    stdio: 'inherit',
  });
};
