/**
 * 拼团活动 from the manager workspace: 陈经理 opens 拼团活动 on the workspace home, creates a 3人团
 * for the heavyweight tee's white M through the form (a group price that is too high first, to see
 * the hint), sees it 进行中 in the list; then a shopper opens the tee and sees the 拼团 strip at
 * the price the manager set. Runs the H5 build against the local CloudBase with the demo brand.
 */
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

interface ActivityDoc {
  _id: string;
  title: string;
  productId: string;
  groupSize: number;
  timeLimitMinutes: number;
  perUserLimit: number;
  skus: { skuId: string; normalPrice: number; groupPrice: number; stock: number }[];
}

test('陈经理 creates a group buy for the tee, and a shopper sees its 拼团 strip', async () => {
  const page = await stack.open('o_manager_chen', '/#/packages/manager/index/index');
  await seeText(page, '拼团活动');
  await page.getByText('拼团活动', { exact: true }).click();
  // The seeded activities are listed with their status by the server clock and their group figures.
  await seeText(page, '复古直筒牛仔裤 3人团');
  await seeText(page, '进行中');
  await seeText(page, /^已拼 \d+ \/ \d+ 件$/);
  // The tee's activity holds all its sizes and colours (12): three show, the rest fold away.
  const tee = page.locator('.gbm-card', { hasText: '冰丝凉感T恤 2人团' }).first();
  expect(await tee.locator('.gbm-line').count()).toBe(3);
  await tee.getByText('展开全部12个规格', { exact: true }).waitFor({ state: 'visible' });
  await page.waitForTimeout(500);
  await screenshot(page, 'groupbuy-admin-1-list');

  await page.getByText('新建拼团活动', { exact: true }).click();
  const form = page.locator('.gbm-edit').filter({ visible: true });
  await form.waitFor({ state: 'visible', timeout: 20_000 });
  await form.locator('.gbm-edit__title input').fill('纯棉T恤 3人团 · 白色');
  await form.locator('.gbm-rule__input--hours input').fill('12');
  await seeText(page, '团长付款后12小时内凑齐3人即成团；未凑齐的团到时自动全额退款');
  await page.waitForTimeout(300);
  await screenshot(page, 'groupbuy-admin-2-rules');
  await form.locator('.finder__input input').fill('重磅纯棉');
  await form.getByText('搜索', { exact: true }).click();
  await form.locator('.finder__product', { hasText: '重磅纯棉圆领T恤' }).first().click();
  const chip = form.locator('.spec-chip', { hasText: '白色 / M' }).first();
  await chip.waitFor({ state: 'visible', timeout: 20_000 });
  await chip.click();
  const row = form.locator('.gbm-sku').first();
  await row.waitFor({ state: 'visible', timeout: 20_000 });

  // A group price at the list price is refused beside the field before anything is sent.
  await row.locator('.gbm-sku__input input').nth(0).fill('129');
  await seeText(page, '应低于原价¥129.00');
  await row.locator('.gbm-sku__hint').first().scrollIntoViewIfNeeded();
  await page.waitForTimeout(300);
  await screenshot(page, 'groupbuy-admin-3-hint');
  await row.locator('.gbm-sku__input input').nth(0).fill('99');
  await row.locator('.gbm-sku__input input').nth(1).fill('15');
  await seeText(page, '拼团价 ¥99.00 · 每件省¥30.00');
  await form.getByText('创建拼团', { exact: true }).scrollIntoViewIfNeeded();
  await page.waitForTimeout(300);
  await screenshot(page, 'groupbuy-admin-4-form');

  await form.getByText('创建拼团', { exact: true }).click();
  const list = page.locator('.gbm-list').filter({ visible: true });
  const card = list.locator('.gbm-card', { hasText: '纯棉T恤 3人团 · 白色' });
  await card.waitFor({ state: 'visible', timeout: 30_000 });
  expect(await card.locator('.gbm-card__status').textContent()).toBe('进行中');
  const text = await card.textContent();
  expect(text).toContain('3人团');
  expect(text).toContain('12小时内成团');
  expect(text).toContain('已拼 0 / 15 件');
  await page.waitForTimeout(500);
  await screenshot(page, 'groupbuy-admin-5-created');

  const saved = stack.emulator.db.find('groupbuy_activities', { title: '纯棉T恤 3人团 · 白色' }) as unknown as ActivityDoc[];
  expect(saved).toHaveLength(1);
  expect(saved[0]).toMatchObject({ productId: 'p002', groupSize: 3, timeLimitMinutes: 720, perUserLimit: 2 });
  expect(saved[0].skus).toEqual([expect.objectContaining({ normalPrice: 12_900, groupPrice: 9_900, stock: 15 })]);
  expect(saved[0].skus[0].skuId).toBe('p002-white-m');

  // A shopper opens the tee: the 拼团 strip offers the manager's price.
  const shopper = await stack.open('o_demo_wang', '/#/packages/product/index/index?id=p002');
  const strip = shopper.locator('.group-strip').filter({ visible: true }).first();
  await strip.waitFor({ state: 'visible', timeout: 20_000 });
  expect(await strip.textContent()).toContain('3人拼团 ¥99');
  await seeText(shopper, '发起拼团');
  await strip.scrollIntoViewIfNeeded();
  await shopper.waitForTimeout(500);
  await screenshot(shopper, 'groupbuy-admin-6-shopper');
});
