/**
 * The first of the README's two commands: `npm start` on a fresh data folder serves the seeded
 * storefront, and the gateway answers as the caller. Runs scripts/start.ts as `npm start` does.
 */
import { spawn, type ChildProcess } from 'child_process';
import { mkdtempSync, rmSync } from 'fs';
import os from 'os';
import path from 'path';
import { buildSeed } from '../../scripts/seed';
import { launchBrowser, phonePage, screenshot } from './support/browser';

const root = path.resolve(__dirname, '..', '..');
let child: ChildProcess;
let dataDir: string;
let url: string;

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'weave-start-'));
  child = spawn(path.join(root, 'node_modules', '.bin', 'tsx'), [path.join(root, 'scripts', 'start.ts')], {
    cwd: root,
    env: { ...process.env, PORT: '0', WEAVE_DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /Weave is running: (http:\/\/[^/\s]+)\//.exec(out);
      if (m) resolve(m[1]);
    });
    child.on('exit', (code) => reject(new Error(`npm start exited with ${code}:\n${out}`)));
  });
}, 180_000);

afterAll(async () => {
  // Let the server finish closing (it saves its state on SIGTERM) before its folder goes.
  if (child && child.exitCode === null && child.signalCode === null) {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    const stuck = setTimeout(() => child.kill('SIGKILL'), 15_000);
    await exited;
    clearTimeout(stuck);
  }
  rmSync(dataDir, { recursive: true, force: true });
}, 30_000);

describe('npm start', () => {
  it('answers login through the gateway with the caller openid', async () => {
    const res = await fetch(`${url}/api/functions/user`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'X-WX-OPENID': 'someone' },
      body: JSON.stringify({ action: 'login' }),
    });
    const body = (await res.json()) as { result: { ok: boolean; data: { openid: string } } };
    expect(res.status).toBe(200);
    expect(body.result).toMatchObject({ ok: true, data: { openid: 'someone' } });
  });

  it('serves the seeded home page to a phone browser', async () => {
    const browser = await launchBrowser();
    try {
      const { page } = await phonePage(browser, url, 'o_demo_lin');
      await page.goto('/#/pages/home/index');
      await page.getByText('WEAVE', { exact: true }).first().waitFor();
      const titles = buildSeed({ now: new Date() }).collections.products.map((p) => (p as { title: string }).title);
      await page.waitForFunction((list) => list.some((t) => document.body.innerText.includes(t)), titles, { timeout: 30_000 });
      await screenshot(page, 'start-home');
    } finally {
      await browser.close();
    }
  });
});
