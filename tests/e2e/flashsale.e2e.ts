/**
 * 限时秒杀 end to end: the hoodie in the running flash sale shows its flash band (秒杀价, 已抢N%,
 * 距结束 countdown) -> 立即抢购 with black / M -> 模拟支付 -> the order reads 已支付 at the sale
 * price. Runs the H5 build against the local CloudBase with the demo brand.
 */
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

test('王先生 sees the flash band on the hoodie, 立即抢购 black / M, pays, and the order reads 已支付 at ¥129', async () => {
  const page = await stack.open('o_demo_wang', '/#/packages/product/index/index?id=p039');
  const band = page.locator('.flash-banner').filter({ visible: true }).first();
  await band.waitFor({ state: 'visible', timeout: 20_000 });
  await seeText(page, '秒杀价');
  await seeText(page, /^已抢\d+%$/);
  await seeText(page, '距结束');
  expect(await band.textContent()).toContain('¥129');
  await page.waitForTimeout(500);
  await screenshot(page, 'flashsale-1-product');

  await page.getByText('立即抢购', { exact: true }).filter({ visible: true }).first().click();
  const picker = page.locator('.sku-picker').filter({ visible: true });
  await picker.first().waitFor({ state: 'visible', timeout: 20_000 });
  await picker.locator('.sku-picker__option', { hasText: '黑色' }).first().click();
  await picker.locator('.sku-picker__option--size', { hasText: /^M/ }).first().click();
  await seeText(page, '已选：黑色 / M');
  // 每人限购1件: the flash price does not stretch to a second piece.
  await picker.getByLabel('增加').click();
  expect((await picker.getByLabel('数量').textContent())?.trim()).toBe('1');
  await page.waitForTimeout(500);
  await screenshot(page, 'flashsale-2-sku');
  await page.getByText('立即抢购', { exact: true }).filter({ visible: true }).last().click();

  await seeText(page, '本地演示 · 不会产生真实扣款');
  await page.waitForTimeout(500);
  await screenshot(page, 'flashsale-3-pay');
  await page.getByText('确认支付', { exact: true }).filter({ visible: true }).first().click();
  await seeText(page, '支付成功');
  await seeText(page, '订单状态：已支付');
  await screenshot(page, 'flashsale-4-result');

  await page.getByText('查看订单', { exact: true }).filter({ visible: true }).first().click();
  await seeText(page, '订单进度');
  const status = page.locator('.order-detail__status').filter({ visible: true }).first();
  await status.waitFor({ state: 'visible', timeout: 20_000 });
  expect((await status.textContent())?.trim()).toBe('已支付');
  await page.waitForTimeout(500);
  await screenshot(page, 'flashsale-5-detail');
});
