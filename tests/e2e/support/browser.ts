/**
 * Headless Chromium from Debian (never a downloaded browser), driven by playwright-core, sized
 * like a phone. Screenshots land in artifacts/screenshots/ for people to look at.
 */
import { mkdirSync } from 'fs';
import path from 'path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const SCREENSHOT_DIR = path.resolve(__dirname, '..', '..', '..', 'artifacts', 'screenshots');

const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_FLAGS });
}

/** A phone-sized page acting as `openid` (the H5 dev identity is read from localStorage). */
export async function phonePage(browser: Browser, baseUrl: string, openid: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    viewport: { width: 375, height: 812 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    baseURL: baseUrl,
  });
  await context.addInitScript((id) => {
    // Taro's H5 storage keeps JSON envelopes; write the same shape setStorageSync would.
    window.localStorage.setItem('weave.dev.openid', JSON.stringify({ data: id }));
  }, openid);
  const page = await context.newPage();
  page.on('pageerror', (error) => console.error(`[browser ${openid}] ${error.message}`));
  return { context, page };
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  // A new H5 page slides in: take the picture once finite animations have run (endless ones, such
  // as a loading spinner, never finish and are not waited for; at most 2 s in all).
  await page
    .waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getComputedTiming().iterations === Infinity), undefined, { timeout: 2_000 })
    .catch(() => undefined);
  await page.screenshot({ path: file, fullPage: false });
  return file;
}

// Earlier pages and Taro's old modal copies stay in the H5 DOM, hidden: only what is on screen counts.
export async function seeText(page: Page, text: string | RegExp, timeout = 20_000): Promise<void> {
  await page.getByText(text).filter({ visible: true }).first().waitFor({ state: 'visible', timeout });
}
