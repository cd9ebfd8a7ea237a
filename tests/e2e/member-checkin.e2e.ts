/**
 * The member journey on the H5 build against the local CloudBase with the demo brand: 林小姐 (金卡,
 * six days in a row) opens her member centre, checks in for day 7 (base + the day-7 bonus), sees her
 * points and the calendar update, exchanges 800 points for a coupon in the points mall, and finds
 * both in her points history and the coupon in her coupon list.
 */
import type { Page } from 'playwright-core';
import { screenshot, seeText } from './support/browser';
import { startStack, type Stack } from './support/stack';

jest.setTimeout(180_000);

let stack: Stack;

beforeAll(async () => {
  stack = await startStack();
});

afterAll(async () => {
  await stack?.close();
});

// page.goto on a new hash slides the next page in; let it land before taking its picture.
const settle = (page: Page) => page.waitForTimeout(800);

const userDoc = (openid: string) => stack.emulator.db.find('users', { _id: openid })[0] as { points: number; checkin: { streak: number; lastDay: string } };

test('林小姐 checks in on day 7 of her streak, sees the points and the calendar update, and exchanges points for a coupon', async () => {
  const openid = 'o_demo_lin';
  const before = userDoc(openid).points;

  // 1. The member centre: her tier card, progress and the benefits table.
  const page = await stack.open(openid, '/#/packages/member/index/index');
  await seeText(page, '金卡会员');
  await seeText(page, '会员权益');
  await seeText(page, /距黑钻还差|已是最高等级/);
  await screenshot(page, 'member-1-centre');

  // 2. Check-in: day 7 earns 5 + 20.
  await page.getByText(/签到 \+25/).first().click();
  await seeText(page, '立即签到 +25');
  const todayCell = page.locator('.checkin-calendar__day--today').first();
  expect(await todayCell.getAttribute('data-checked')).toBe('no');
  await screenshot(page, 'member-2-checkin-before');
  await page.getByText('立即签到 +25').click();
  // The reminder subscription is offered right after.
  await seeText(page, '订阅会员消息，等级变化和权益到账时提醒你');
  await page.locator('.taro-modal__foot').filter({ visible: true }).getByText('订阅', { exact: true }).click();
  await seeText(page, '今日已签到');
  await seeText(page, `当前积分 ${before + 25}`);
  await seeText(page, /今日获得 25 积分/);
  expect(await page.locator('.checkin-calendar__day--today').first().getAttribute('data-checked')).toBe('yes');
  await expect(page.locator('.checkin__streak-value').first().textContent()).resolves.toBe('7');
  await screenshot(page, 'member-3-checkin-after');
  expect(userDoc(openid)).toMatchObject({ points: before + 25, checkin: { streak: 7 } });

  // 3. The points mall: 800 points for a coupon, after a confirmation.
  await page.goto(`${new URL(page.url()).origin}/#/packages/member/mall/index`);
  await seeText(page, `${before + 25}`);
  const item = page.locator('.mall__item', { hasText: '800 积分' }).first();
  await item.waitFor({ state: 'visible', timeout: 20_000 });
  await settle(page);
  const title = ((await item.locator('.mall__item-title').textContent()) ?? '').trim();
  await screenshot(page, 'member-4-mall');
  await item.getByText('兑换', { exact: true }).click();
  await seeText(page, /使用 800 积分兑换/);
  await screenshot(page, 'member-5-mall-confirm');
  await page.locator('.taro-modal__foot').filter({ visible: true }).getByText('兑换', { exact: true }).click();
  await seeText(page, `剩余 ${before + 25 - 800} 积分`);
  await screenshot(page, 'member-6-mall-exchanged');
  expect(userDoc(openid).points).toBe(before + 25 - 800);

  // 4. Points history shows both lines, newest first.
  await page.goto(`${new URL(page.url()).origin}/#/packages/member/points/index`);
  await seeText(page, '兑换优惠券');
  await seeText(page, '-800');
  await seeText(page, '每日签到');
  await seeText(page, '+25');
  await settle(page);
  await screenshot(page, 'member-7-history');

  // 5. The coupon is in her coupon list.
  await page.goto(`${new URL(page.url()).origin}/#/packages/store/mine/index`);
  await page.locator('.coupon-ticket', { hasText: title }).filter({ visible: true }).first().waitFor({ state: 'visible', timeout: 20_000 });
  await settle(page);
  await screenshot(page, 'member-8-coupon-list');
});
