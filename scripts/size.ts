/**
 * `npm run size`: builds the weapp for production, compiles it with WeChat's CI module as an upload
 * would, and reports the size of the main package and every subpackage. Fails (exit 1) when the main
 * package passes 1.2 MB (our budget; WeChat's limit is 2 MB), a subpackage passes 2 MB, or WeChat
 * would refuse the build. Writes the table to docs/size-report.md.
 *   --no-build   measure the existing dist/weapp instead of building first
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { compileWeapp, MAIN_PACKAGE, type CompileResult } from './lib/compile-weapp';

const ROOT = path.resolve(__dirname, '..');
const DIST = path.join(ROOT, 'dist/weapp');
const REPORT = path.join(ROOT, 'docs/size-report.md');

export const MAIN_BUDGET = 1_228_800; // 1.2 MB: leaves room under WeChat's 2 MB for the catalog to come
export const SUBPACKAGE_LIMIT = 2 * 1024 * 1024;

const kb = (bytes: number) => (bytes / 1024).toFixed(1);

interface Row {
  name: string;
  bytes: number;
  limit: number;
}

function rows(result: CompileResult): Row[] {
  return result.packages.map(({ root, bytes }) =>
    root === MAIN_PACKAGE ? { name: 'main package', bytes, limit: MAIN_BUDGET } : { name: root, bytes, limit: SUBPACKAGE_LIMIT },
  );
}

function table(result: CompileResult): string {
  const lines = ['| package | KB | limit KB | |', '|---|---:|---:|---|'];
  for (const r of rows(result)) lines.push(`| ${r.name} | ${kb(r.bytes)} | ${kb(r.limit)} | ${r.bytes > r.limit ? 'OVER' : 'ok'} |`);
  lines.push(`| **total** | **${kb(result.total)}** | | |`);
  return lines.join('\n');
}

function build(): void {
  console.log('Building weapp for production ...');
  const res = spawnSync('npx', ['taro', 'build', '--type', 'weapp'], {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: 'production' },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  if (res.status !== 0) {
    // Taro prints its progress bar and its errors to stdout: show the errors, not the bar.
    const out = res.stdout ?? '';
    const at = out.indexOf('Errors');
    console.error(at >= 0 ? out.slice(at, at + 4000) : out.slice(-4000));
    throw new Error(`taro build failed (exit ${res.status})`);
  }
}

async function main(): Promise<number> {
  if (!process.argv.includes('--no-build')) build();
  let result: CompileResult;
  try {
    result = await compileWeapp(DIST);
  } catch (error) {
    console.error('WeChat would refuse this build:\n', error instanceof Error ? error.message : error);
    return 1;
  }
  const text = table(result);
  console.log(`\n${text}\n`);
  fs.mkdirSync(path.dirname(REPORT), { recursive: true });
  fs.writeFileSync(
    REPORT,
    `# Mini-program package sizes\n\nMeasured ${new Date().toISOString().slice(0, 10)} by \`npm run size\`: production weapp build, compiled by ` +
      `miniprogram-ci as an upload would send it (minified, es6). Main package budget 1.2 MB ` +
      `(WeChat allows 2 MB), each subpackage at most 2 MB.\n\n${text}\n`,
  );
  const over = rows(result).filter((r) => r.bytes > r.limit);
  for (const r of over) console.error(`${r.name} is ${kb(r.bytes)} KB, over its ${kb(r.limit)} KB limit`);
  return over.length ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
