/**
 * One journey's world: the local CloudBase on a free port, seeded with the demo brand, serving
 * the H5 build, plus a headless Chromium. Pages act as a demo identity via the dev switcher's
 * storage key, exactly as a developer switching identity does.
 */
import path from 'path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createEmulator, type Emulator } from '../../../emulator/server';
import { seedCollections } from '../../../scripts/seed/load';
import { launchBrowser, phonePage } from './browser';

const root = path.resolve(__dirname, '..', '..', '..');

export interface Stack {
  emulator: Emulator;
  browser: Browser;
  /** A new phone-sized page signed in as `openid`, opened at `route` (e.g. '/pages/me/index'). */
  open(openid: string, route?: string): Promise<Page>;
  close(): Promise<void>;
}

export async function startStack(): Promise<Stack> {
  const emulator = await createEmulator({
    port: 0,
    functionsDir: path.join(root, 'cloudfunctions'),
    staticDir: path.join(root, 'dist', 'h5'),
    seed: seedCollections,
    timers: 'manual',
  });
  const browser = await launchBrowser();
  const contexts: BrowserContext[] = [];
  return {
    emulator,
    browser,
    async open(openid, route = '/') {
      const { context, page } = await phonePage(browser, emulator.url, openid);
      contexts.push(context);
      await page.goto(route.startsWith('/') ? route : `/${route}`);
      return page;
    },
    async close() {
      for (const c of contexts) await c.close().catch(() => undefined);
      await browser.close();
      await emulator.close();
    },
  };
}
