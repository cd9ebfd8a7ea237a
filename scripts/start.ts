/**
 * `npm start`: the storefront on this machine. Builds what is missing (cloud functions, H5),
 * starts the local CloudBase on a durable data folder (.data/, git-ignored), seeds the demo brand
 * when the folder is new (the emulator seeds a new database itself), and prints the URL. PORT chooses the port (default 8787), WEAVE_DATA_DIR the data folder.
 */
import { execFileSync } from 'child_process';
import { existsSync, mkdirSync } from 'fs';
import path from 'path';
import { createEmulator } from '../emulator/server';
import { buildAll } from './build-cloud';
import { seedCollections } from './seed/load';

const root = path.resolve(__dirname, '..');
const dataDir = path.resolve(process.env.WEAVE_DATA_DIR ?? path.join(root, '.data'));
const h5Dir = path.join(root, 'dist', 'h5');

async function main(): Promise<void> {
  const port = Number(process.env.PORT ?? 8787);
  const built = await buildAll();
  console.log(`cloud functions built: ${built.map((b) => b.name).join(', ')}`);

  if (!existsSync(path.join(h5Dir, 'index.html')) || process.env.WEAVE_REBUILD_H5 === '1') {
    console.log('building the H5 storefront (first run only, about a minute)...');
    execFileSync(path.join(root, 'node_modules', '.bin', 'taro'), ['build', '--type', 'h5'], {
      cwd: root,
      stdio: 'inherit',
      env: { ...process.env, NODE_ENV: 'production' },
    });
  }

  mkdirSync(dataDir, { recursive: true });
  const emulator = await createEmulator({
    port,
    dataDir,
    functionsDir: path.join(root, 'cloudfunctions'),
    staticDir: h5Dir,
    seed: seedCollections,
  });

  console.log(`\nWeave is running: ${emulator.url}/`);
  console.log(`  local CloudBase gateway: ${emulator.url}/api/functions/<name>`);
  console.log(`  data: ${dataDir} (delete it, or POST ${emulator.url}/api/_emulator/reset, for fresh demo data)\n`);

  const stop = async () => {
    await emulator.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
