/**
 * Tags and messages on the H5 build against the local CloudBase with the demo brand: 林小姐's page
 * views reach the events collection in a batch; she opens 消息设置 from her member centre, opts out
 * of marketing messages (user record and user_tags together) and back in; 陈经理 finds her in 用户标签,
 * sees her lifecycle tags, RFM segment and interests, and adds and removes a manual tag.
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

const settle = (page: Page) => page.waitForTimeout(800);

async function eventually(check: () => boolean, timeout = 20_000) {
  const until = Date.now() + timeout;
  while (!check()) {
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 250));
  }
}

test('林小姐 browses (events arrive in a batch) and opts out of marketing messages and back in', async () => {
  const openid = 'o_demo_lin';
  const startedAt = stack.emulator.clock.now();
  const page = await stack.open(openid, '/#/packages/member/index/index');
  await seeText(page, '会员权益');

  // The batcher sends within 10 s; the server stores each event under <openid>:<id>.
  await eventually(() =>
    stack.emulator.db
      .find('events', { openid, type: 'page_view' })
      .some((e) => (e.payload as { path: string }).path === 'packages/member/index/index' && new Date(e.receivedAt as Date).getTime() >= startedAt),
  );

  await page.getByText('消息设置', { exact: true }).click();
  await seeText(page, '接收营销消息');
  await seeText(page, '一键退出营销消息');
  await settle(page);
  await screenshot(page, 'tags-1-settings');

  await page.getByText('一键退出营销消息').click();
  await seeText(page, /订单、退款、自提等服务通知不受影响/);
  await page.locator('.taro-modal__foot').filter({ visible: true }).getByText('确认退出', { exact: true }).click();
  await seeText(page, /退出营销消息$/);
  await seeText(page, '重新接收营销消息');
  await settle(page);
  await screenshot(page, 'tags-2-opted-out');
  expect(stack.emulator.db.find('users', { _id: openid })[0]).toMatchObject({ marketingOptOut: true });
  expect(stack.emulator.db.find('user_tags', { _id: openid })[0]).toMatchObject({ marketingOptOut: true });

  await page.getByText('重新接收营销消息').click();
  await seeText(page, '一键退出营销消息');
  expect(stack.emulator.db.find('users', { _id: openid })[0]).toMatchObject({ marketingOptOut: false, marketingOptOutAt: null });
  expect(stack.emulator.db.find('user_tags', { _id: openid })[0]).toMatchObject({ marketingOptOut: false });
});

test('陈经理 finds 林小姐 in 用户标签, sees her tags and segment, adds and removes a manual tag', async () => {
  const page = await stack.open('o_manager_chen', '/#/packages/manager/index/index');
  await seeText(page, '运营工作台');
  await page.getByText('用户标签', { exact: true }).click();
  await page.locator('.user-tags__search input').first().fill('o_demo_lin');
  await page.getByText('查找', { exact: true }).click();
  await seeText(page, '生命周期');
  await seeText(page, 'RFM 分群');
  const tags = stack.emulator.db.find('user_tags', { _id: 'o_demo_lin' })[0] as { segment: string; lifecycleTags: string[] };
  await seeText(page, tags.segment);
  for (const t of tags.lifecycleTags) await seeText(page, t);
  await settle(page);
  await screenshot(page, 'tags-3-manager-user');

  await page.locator('.user-tags__add input').first().fill('直播粉丝');
  await page.getByText('添加', { exact: true }).click();
  await seeText(page, '已添加标签');
  await page.locator('.user-tags__chip', { hasText: '直播粉丝' }).first().waitFor({ state: 'visible' });
  expect(stack.emulator.db.find('user_tags', { _id: 'o_demo_lin' })[0]).toMatchObject({ manualTags: expect.arrayContaining(['直播粉丝']) });
  await settle(page);
  await screenshot(page, 'tags-4-manual-tag');

  await page.locator('.user-tags__chip', { hasText: '直播粉丝' }).first().locator('.user-tags__chip-x').click();
  await seeText(page, '已移除标签');
  expect((stack.emulator.db.find('user_tags', { _id: 'o_demo_lin' })[0] as { manualTags: string[] }).manualTags).not.toContain('直播粉丝');

  // A lifecycle tag name is refused with the server's message.
  await page.locator('.user-tags__add input').first().fill('KOC');
  await page.getByText('添加', { exact: true }).click();
  await seeText(page, '标签“KOC”由系统计算，不能手动设置');
});
