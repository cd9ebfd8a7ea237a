/**
 * The cart: 加入购物车 on the product page, the cart tab lists it with the 满减 hint, 去结算 opens
 * the checkout with the selected lines.
 */
import { screenshot, seeText } from './support/browser';
import { startStack, type Stack } from './support/stack';

let stack: Stack;

beforeAll(async () => {
  stack = await startStack();
});

afterAll(async () => {
  await stack?.close();
});

test('a tee added on the product page is in the cart with a 满减 hint and goes to checkout', async () => {
  const page = await stack.open('o_demo_new', '/#/packages/product/index/index?id=p001');
  await seeText(page, '加入购物车');
  await page.getByText('加入购物车', { exact: true }).filter({ visible: true }).first().click();
  const picker = page.locator('.sku-picker').filter({ visible: true });
  await picker.first().waitFor({ state: 'visible', timeout: 20_000 });
  await picker.locator('.sku-picker__option', { hasText: '白色' }).first().click();
  await picker.locator('.sku-picker__option--size', { hasText: /^L/ }).first().click();
  await seeText(page, '已选：白色 / L');
  await page.getByText('加入购物车', { exact: true }).filter({ visible: true }).last().click();
  await seeText(page, '已加入购物车');

  await page.goto('/#/pages/cart/index');
  const row = page.locator('.cart-row', { hasText: '白色 / L' }).filter({ visible: true }).first();
  await row.waitFor({ state: 'visible', timeout: 20_000 });
  expect(await row.locator('.cart-row__price').textContent()).toBe('¥99.00');
  // ¥99 is ¥100 short of 满199减20.
  await seeText(page, '再买¥100 可享满199减20');
  expect((await page.locator('.cart__sum-amount').filter({ visible: true }).first().textContent())?.trim()).toBe('¥99.00');
  await page.waitForTimeout(500);
  await screenshot(page, 'commerce-cart-1-cart');

  await page.getByText(/^去结算/).filter({ visible: true }).first().click();
  await seeText(page, '提交订单');
  await seeText(page, '白色 / L');
  await page.waitForTimeout(500);
  await screenshot(page, 'commerce-cart-2-checkout');
});
