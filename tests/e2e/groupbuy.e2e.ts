/**
 * 拼团 end to end: the product page offers the group buy; 林小姐 opens a 3-person group for the denim jeans and pays (模拟支付) -> her group
 * page reads 拼团中 / 还差2人 -> 王先生 and 小鹿Lu each open her group page from the shared link,
 * 参与拼团, pay -> the group page reads 拼团成功 with three members. Runs the H5 build against the
 * local CloudBase with the demo brand.
 */
import type { Page } from 'playwright-core';
import { screenshot, seeText } from './support/browser';
import { startStack, type Stack } from './support/stack';

jest.setTimeout(240_000);

let stack: Stack;

beforeAll(async () => {
  stack = await startStack();
});

afterAll(async () => {
  await stack?.close();
});

const tap = (page: Page, text: string | RegExp) => page.getByText(text, { exact: typeof text === 'string' }).filter({ visible: true }).first().click();

/** Picks the first SKU with stock in the chooser and confirms, then pays on the 模拟支付 sheet. */
async function chooseAndPay(page: Page, confirm: string, shot: string) {
  const chooser = page.locator('.gb-sku').filter({ visible: true }).first();
  await chooser.waitFor({ state: 'visible', timeout: 20_000 });
  await chooser.locator('.gb-sku__option:not(.gb-sku__option--gone)').first().click();
  await seeText(page, /^已选：/);
  await page.waitForTimeout(400);
  await screenshot(page, `${shot}-sku`);
  await tap(page, confirm);
  await seeText(page, '本地演示 · 不会产生真实扣款');
  await page.waitForTimeout(400);
  await screenshot(page, `${shot}-pay`);
  await tap(page, '确认支付');
}

test('林小姐 opens a 3-person group and pays; 王先生 and 小鹿Lu join from her link and pay; the group reads 拼团成功', async () => {
  // 0. The jeans' product page offers the group buy: 3人拼团 at ¥169, 赵小雨's forming group to join, 发起拼团.
  const product = await stack.open('o_demo_lin', '/#/packages/product/index/index?id=p017');
  const strip = product.locator('.group-strip').filter({ visible: true }).first();
  await strip.waitFor({ state: 'visible', timeout: 20_000 });
  expect(await strip.textContent()).toContain('3人拼团 ¥169');
  await strip.getByText('去参团').first().waitFor({ state: 'visible', timeout: 20_000 });
  await strip.getByText('发起拼团').waitFor({ state: 'visible', timeout: 20_000 });
  await strip.scrollIntoViewIfNeeded();
  await product.waitForTimeout(500);
  await screenshot(product, 'groupbuy-0-product-strip');

  // 1. The group-buy list: the denim 3人团 among the activities.
  const leader = await stack.open('o_demo_lin', '/#/packages/groupbuy/index/index');
  await seeText(leader, '复古直筒牛仔裤 3人团');
  await leader.waitForTimeout(500);
  await screenshot(leader, 'groupbuy-1-list');

  // 2. Its activity page: 发起拼团 -> SKU -> 确认开团 -> 模拟支付.
  await leader.locator('.gb-card', { hasText: '复古直筒牛仔裤 3人团' }).first().click();
  await seeText(leader, '发起拼团');
  await seeText(leader, '3人成团');
  await leader.waitForTimeout(500);
  await screenshot(leader, 'groupbuy-2-activity');
  await tap(leader, '发起拼团');
  await chooseAndPay(leader, '确认开团', 'groupbuy-3-open');

  // 3. She lands on her group: forming, two places left, her avatar in the leader's seat.
  await seeText(leader, '拼团中');
  await seeText(leader, '还差2人');
  await seeText(leader, '复制链接邀请好友');
  expect(await leader.locator('.gb-seats__seat--taken').filter({ visible: true }).count()).toBe(1);
  expect(await leader.locator('.gb-seats__seat--empty').filter({ visible: true }).count()).toBe(2);
  await leader.waitForTimeout(500);
  await screenshot(leader, 'groupbuy-4-leader-group');
  const groupRoute = new URL(leader.url()).hash.slice(1);
  expect(groupRoute).toMatch(/^\/packages\/groupbuy\/group\/index\?id=/);

  // 4. 王先生 opens her link, 参与拼团, pays.
  const second = await stack.open('o_demo_wang', `/#${groupRoute}`);
  await seeText(second, '还差2人');
  await seeText(second, /^参与拼团/);
  await second.waitForTimeout(500);
  await screenshot(second, 'groupbuy-5-friend-sees-group');
  await tap(second, /^参与拼团/);
  await chooseAndPay(second, '确认参团', 'groupbuy-6-join');
  await seeText(second, '还差1人');
  await seeText(second, '你已参团，邀请好友一起更快成团');
  await second.waitForTimeout(500);
  await screenshot(second, 'groupbuy-7-second-joined');

  // 5. 小鹿Lu takes the last place.
  const third = await stack.open('o_u01', `/#${groupRoute}`);
  await seeText(third, '还差1人');
  await tap(third, /^参与拼团/);
  await chooseAndPay(third, '确认参团', 'groupbuy-8-last');
  await seeText(third, '拼团成功');
  expect(await third.locator('.gb-seats__seat--taken').filter({ visible: true }).count()).toBe(3);
  expect(await third.locator('.gb-seats__seat--empty').filter({ visible: true }).count()).toBe(0);
  await third.waitForTimeout(500);
  await screenshot(third, 'groupbuy-9-succeeded');

  // 6. The leader's page agrees, and a fourth person is told the group is full.
  await leader.reload();
  await seeText(leader, '拼团成功');
  await screenshot(leader, 'groupbuy-10-leader-succeeded');
  const late = await stack.open('o_u03', `/#${groupRoute}`);
  await seeText(late, '这个团已满员，可以自己开一个团');
  await seeText(late, '我也开一个团');
  await late.waitForTimeout(500);
  await screenshot(late, 'groupbuy-11-full');

  // 7. 我的拼团 lists it as 拼团成功.
  const mine = await stack.open('o_demo_lin', '/#/packages/groupbuy/mine/index');
  await seeText(mine, '我开的团');
  await mine.locator('.gb-mine-card', { hasText: '复古直筒牛仔裤 3人团' }).filter({ hasText: '拼团成功' }).first().waitFor({ state: 'visible', timeout: 20_000 });
  await mine.waitForTimeout(500);
  await screenshot(mine, 'groupbuy-12-mine');
});
