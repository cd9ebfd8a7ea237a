/**
 * `npm run test:e2e`: builds the H5 storefront (production, as `npm start` serves it) and runs the
 * browser journeys. WEAVE_E2E_SKIP_BUILD=1 reuses an existing dist/h5 while iterating on a test.
 */
import { execFileSync } from 'child_process';
import { existsSync, mkdirSync } from 'fs';
import path from 'path';

const root = path.resolve(__dirname, '..', '..');
const bin = (name: string) => path.join(root, 'node_modules', '.bin', name);

if (!(process.env.WEAVE_E2E_SKIP_BUILD === '1' && existsSync(path.join(root, 'dist', 'h5', 'index.html')))) {
  execFileSync(bin('taro'), ['build', '--type', 'h5'], { cwd: root, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
}

mkdirSync(path.join(root, 'artifacts'), { recursive: true });
execFileSync(
  bin('jest'),
  ['-c', path.join(root, 'tests', 'e2e', 'jest.config.js'), '--json', `--outputFile=${path.join(root, 'artifacts', 'jest-e2e.json')}`, ...process.argv.slice(2)],
  { cwd: root, stdio: 'inherit' },
);
