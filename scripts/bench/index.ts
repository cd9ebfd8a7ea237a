/**
 * `npm run bench`: runs every scripts/bench/*.bench.ts (each default-exports an async function
 * returning a markdown section) one after another, so they do not compete for the CPU, and writes
 * docs/benchmarks.md. `npm run bench -- orders` runs only the files whose name contains "orders".
 */
import { readdirSync, writeFileSync } from 'fs';
import path from 'path';
import { machineLine } from './stats';

async function main(): Promise<void> {
  const filter = process.argv[2];
  const files = readdirSync(__dirname)
    .filter((f) => f.endsWith('.bench.ts') && (!filter || f.includes(filter)))
    .sort();
  const sections: string[] = [];
  for (const file of files) {
    console.log(`running ${file} ...`);
    const mod = (await import(path.join(__dirname, file))) as { default: () => Promise<string> };
    const section = await mod.default();
    console.log(section, '\n');
    sections.push(section);
  }
  if (filter) return; // a partial run does not overwrite the report
  const doc = [
    '# Benchmarks',
    '',
    'Written by `npm run bench` (scripts/bench/). Speed is measured here, never asserted in tests.',
    `Machine: ${machineLine()}.`,
    '',
    ...sections.flatMap((s) => [s, '']),
  ].join('\n');
  writeFileSync(path.join(__dirname, '..', '..', 'docs', 'benchmarks.md'), doc);
  console.log('wrote docs/benchmarks.md');
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
