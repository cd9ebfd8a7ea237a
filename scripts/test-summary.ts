/**
 * Prints one closing line for the whole `npm test` run ("N passed, N failed"), adding up the jest
 * runs that wrote their JSON results into artifacts/.
 */
import { existsSync, readFileSync } from 'fs';
import path from 'path';

const artifacts = path.resolve(__dirname, '..', 'artifacts');
let passed = 0;
let failed = 0;
for (const file of ['jest-unit.json', 'jest-e2e.json']) {
  const full = path.join(artifacts, file);
  if (!existsSync(full)) continue;
  const result = JSON.parse(readFileSync(full, 'utf8')) as { numPassedTests: number; numFailedTests: number };
  passed += result.numPassedTests;
  failed += result.numFailedTests;
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
