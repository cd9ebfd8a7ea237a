/**
 * A shopper buys: home -> product page -> picks colour and size -> 立即购买 -> checkout -> 提交订单 ->
 * 模拟支付 -> the order reads 已支付. Runs the H5 build against the local CloudBase with the demo brand.
 */
import type { Page } from 'playwright-core';
import { screenshot, seeText } from './support/browser';
import { startStack, type Stack } from './support/stack';

let stack: Stack;

beforeAll(async () => {
  stack = await startStack();
});

afterAll(async () => {
  await stack?.close();
});

/** Waits until the element shows exactly `text`, then asserts it (so a failure says what it showed). */
async function showsText(page: Page, selector: string, text: string | RegExp) {
  const pattern = typeof text === 'string' ? new RegExp(`^${text}$`) : text;
  const el = page.locator(selector).filter({ visible: true }).first();
  await page.locator(selector, { hasText: pattern }).filter({ visible: true }).first().waitFor({ state: 'visible', timeout: 20_000 }).catch(() => undefined);
  expect((await el.textContent())?.trim()).toMatch(pattern);
}

test('林小姐 buys a tee with 立即购买 and pays with 模拟支付; the order shows 已支付', async () => {
  const page = await stack.open('o_demo_lin', '/#/pages/home/index');
  await page.waitForLoadState('networkidle');
  await screenshot(page, 'commerce-buy-1-home');

  // The 冰丝凉感宽松T恤 page: 立即购买 opens the SKU picker; pick 黑色 / M, two pieces.
  await page.goto('/#/packages/product/index/index?id=p001');
  await seeText(page, '立即购买');
  await page.waitForTimeout(500);
  await screenshot(page, 'commerce-buy-2-product');
  await page.getByText('立即购买', { exact: true }).filter({ visible: true }).first().click();
  const picker = page.locator('.sku-picker').filter({ visible: true });
  await picker.first().waitFor({ state: 'visible', timeout: 20_000 });
  await picker.locator('.sku-picker__option', { hasText: '黑色' }).first().click();
  await picker.locator('.sku-picker__option--size', { hasText: /^M/ }).first().click();
  await seeText(page, '已选：黑色 / M');
  await picker.getByLabel('增加').click();
  expect((await picker.getByLabel('数量').textContent())?.trim()).toBe('2');
  await page.waitForTimeout(500);
  await screenshot(page, 'commerce-buy-3-sku');
  await page.getByText('立即购买', { exact: true }).filter({ visible: true }).last().click();

  await seeText(page, '提交订单');
  await seeText(page, '应付金额');
  // Her default address is filled in, and the price steps are the server's.
  await seeText(page, '商品（2 件）');
  await seeText(page, '商品金额');
  await screenshot(page, 'commerce-buy-4-checkout');

  await page.getByText('提交订单').filter({ visible: true }).first().click();
  await seeText(page, '本地演示 · 不会产生真实扣款');
  // let the sheet finish sliding in
  await page.waitForTimeout(500);
  await screenshot(page, 'commerce-buy-5-simulated-pay');

  await page.getByText('确认支付').filter({ visible: true }).first().click();
  await seeText(page, '支付成功');
  await seeText(page, '订单状态：已支付');
  await screenshot(page, 'commerce-buy-6-result');

  await page.getByText('查看订单').filter({ visible: true }).first().click();
  await seeText(page, '订单进度');
  await showsText(page, '.order-detail__status', '已支付');
  await screenshot(page, 'commerce-buy-7-detail');

  // The new order is first under 待发货.
  await page.goto('/#/packages/order/list/index?status=paid');
  await seeText(page, '共 2 件');
  await page.waitForTimeout(500);
  await screenshot(page, 'commerce-buy-8-list');
});

test('门店自提: the shopper picks a store, pays, and the order shows its pickup code', async () => {
  const items = encodeURIComponent(JSON.stringify([{ skuId: 'p001-white-l', quantity: 1 }]));
  const page = await stack.open('o_demo_lin', `/#/packages/order/checkout/index?items=${items}`);
  await seeText(page, '应付金额');
  await page.getByText('门店自提', { exact: true }).filter({ visible: true }).first().click();
  const choose = page.locator('.checkout__add', { hasText: /^选择自提门店$/ }).filter({ visible: true }).first();
  await choose.waitFor({ state: 'visible', timeout: 20_000 });
  await choose.click();
  await page.locator('.coupon-list__item', { hasText: '静安嘉里中心店' }).filter({ visible: true }).first().click();
  await seeText(page, '付款后凭自提码到店取货，店员核验后完成');
  await seeText(page, '门店自提 免运费');
  await page.waitForTimeout(500);
  await screenshot(page, 'commerce-buy-pickup-1-checkout');

  await page.getByText('提交订单', { exact: true }).filter({ visible: true }).first().click();
  await page.getByText('确认支付', { exact: true }).filter({ visible: true }).first().click();
  await seeText(page, '到店出示自提码即可取货');
  await page.getByText('查看订单', { exact: true }).filter({ visible: true }).first().click();
  await showsText(page, '.order-detail__status', '已支付');
  await seeText(page, '门店自提 · 静安嘉里中心店');
  expect((await page.locator('.order-detail__code-value').filter({ visible: true }).first().textContent())?.trim()).toMatch(/^\w{4,}$/);
  await page.waitForTimeout(500);
  await screenshot(page, 'commerce-buy-pickup-2-detail');
});
