/**
 * 限时秒杀 from the manager workspace: 陈经理 opens 限时秒杀 on the workspace home, creates a sale
 * for the cable cardigan's M size through the form (a price that is too high first, to see the
 * hint), sees it 进行中 in the list; then a shopper opens the cardigan and sees the 秒杀价 band at
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

interface SaleDoc {
  _id: string;
  title: string;
  items: { skuId: string; productId: string; salePrice: number; stock: number; perUserLimit: number }[];
}

test('陈经理 creates a flash sale for the cardigan, and a shopper sees its 秒杀价 band', async () => {
  const page = await stack.open('o_manager_chen', '/#/packages/manager/index/index');
  await seeText(page, '限时秒杀');
  await page.getByText('限时秒杀', { exact: true }).click();
  // The seeded sales are listed with their status by the server clock.
  await seeText(page, '限时秒杀 · 爆款低至5折');
  await seeText(page, '进行中');
  await seeText(page, '未开始');
  await page.waitForTimeout(500);
  await screenshot(page, 'flashsale-admin-1-list');

  await page.getByText('新建限时秒杀', { exact: true }).click();
  const form = page.locator('.flash-edit').filter({ visible: true });
  await form.waitFor({ state: 'visible', timeout: 20_000 });
  await form.locator('.flash-edit__title input').fill('开衫限时秒杀 · 燕麦色');
  await form.locator('.finder__input input').fill('麻花');
  await form.getByText('搜索', { exact: true }).click();
  await form.locator('.finder__product', { hasText: '复古麻花针织开衫' }).first().click();
  const chip = form.locator('.spec-chip', { hasText: '燕麦色 / M' }).first();
  await chip.waitFor({ state: 'visible', timeout: 20_000 });
  await chip.click();
  const row = form.locator('.sale-item').first();
  await row.waitFor({ state: 'visible', timeout: 20_000 });

  // A sale price at the list price is refused beside the field before anything is sent.
  await row.locator('.sale-item__input input').nth(0).fill('329');
  await seeText(page, '应低于原价¥329.00');
  await row.locator('.sale-item__hint').first().scrollIntoViewIfNeeded();
  await page.waitForTimeout(300);
  await screenshot(page, 'flashsale-admin-2-hint');
  await row.locator('.sale-item__input input').nth(0).fill('199');
  await row.locator('.sale-item__input input').nth(1).fill('8');
  await row.locator('.sale-item__input input').nth(2).fill('1');
  await seeText(page, /^秒杀价 ¥199\.00 · \d(\.\d)?折$/);
  await form.getByText('创建秒杀', { exact: true }).scrollIntoViewIfNeeded();
  await page.waitForTimeout(300);
  await screenshot(page, 'flashsale-admin-3-form');

  await form.getByText('创建秒杀', { exact: true }).click();
  const list = page.locator('.flash-sales').filter({ visible: true });
  const card = list.locator('.sale-card', { hasText: '开衫限时秒杀 · 燕麦色' });
  await card.waitFor({ state: 'visible', timeout: 30_000 });
  expect(await card.locator('.sale-card__status').textContent()).toBe('进行中');
  expect(await card.textContent()).toContain('已售 0 / 8 件');
  await page.waitForTimeout(500);
  await screenshot(page, 'flashsale-admin-4-created');

  const saved = stack.emulator.db.find('flash_sales', { title: '开衫限时秒杀 · 燕麦色' }) as unknown as SaleDoc[];
  expect(saved).toHaveLength(1);
  expect(saved[0].items).toEqual([expect.objectContaining({ productId: 'p034', salePrice: 19_900, stock: 8, perUserLimit: 1 })]);
  expect(saved[0].items[0].skuId).toMatch(/^p034-.*-m$/);

  // A shopper opens the cardigan: the flash band shows the manager's price.
  const shopper = await stack.open('o_demo_wang', '/#/packages/product/index/index?id=p034');
  const band = shopper.locator('.flash-banner').filter({ visible: true }).first();
  await band.waitFor({ state: 'visible', timeout: 20_000 });
  await seeText(shopper, '秒杀价');
  await seeText(shopper, '距结束');
  expect(await band.textContent()).toContain('¥199');
  await shopper.waitForTimeout(500);
  await screenshot(shopper, 'flashsale-admin-5-shopper');
});
