/**
 * A shopper buys: home -> checkout with the SKU 立即购买 hands over -> 提交订单 -> 模拟支付 ->
 * the order reads 已支付. Runs the H5 build against the local CloudBase with the demo brand.
 */
import type { Page } from 'playwright-core';
import { screenshot } from './support/browser';
import { startStack, type Stack } from './support/stack';

let stack: Stack;

beforeAll(async () => {
  stack = await startStack();
});

afterAll(async () => {
  await stack?.close();
});

const checkoutRoute = (items: { skuId: string; quantity: number }[]) =>
  `/#/packages/order/checkout/index?items=${encodeURIComponent(JSON.stringify(items))}`;

/** Waits until the element shows exactly `text`, then asserts it (so a failure says what it showed). */
async function showsText(page: Page, selector: string, text: string | RegExp) {
  const pattern = typeof text === 'string' ? new RegExp(`^${text}$`) : text;
  const el = page.locator(selector).first();
  await page.locator(selector, { hasText: pattern }).first().waitFor({ state: 'visible', timeout: 20_000 }).catch(() => undefined);
  expect((await el.textContent())?.trim()).toMatch(pattern);
}

async function seeText(page: Page, text: string | RegExp) {
  await page.getByText(text).first().waitFor({ state: 'visible', timeout: 20_000 });
}

test('林小姐 buys a tee with 立即购买 and pays with 模拟支付; the order shows 已支付', async () => {
  const page = await stack.open('o_demo_lin', '/#/pages/home/index');
  await page.waitForLoadState('networkidle');
  await screenshot(page, 'commerce-buy-1-home');

  // What the product page's 立即购买 opens for the chosen colour / size.
  await page.goto(checkoutRoute([{ skuId: 'p001-black-m', quantity: 2 }]));
  await seeText(page, '提交订单');
  await seeText(page, '应付金额');
  // Her default address is filled in, and the price steps are the server's.
  await seeText(page, '商品（2 件）');
  await seeText(page, '商品金额');
  await screenshot(page, 'commerce-buy-2-checkout');

  await page.getByText('提交订单').first().click();
  await seeText(page, '本地演示 · 不会产生真实扣款');
  await screenshot(page, 'commerce-buy-3-simulated-pay');

  await page.getByText('确认支付').first().click();
  await seeText(page, '支付成功');
  await seeText(page, '订单状态：已支付');
  await screenshot(page, 'commerce-buy-4-result');

  await page.getByText('查看订单').first().click();
  await seeText(page, '订单进度');
  await showsText(page, '.order-detail__status', '已支付');
  await screenshot(page, 'commerce-buy-5-detail');

  // The new order is first under 待发货.
  await page.goto('/#/packages/order/list/index?status=paid');
  await seeText(page, '共 2 件');
  await screenshot(page, 'commerce-buy-6-list');
});
