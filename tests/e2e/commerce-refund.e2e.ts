/**
 * After-sales: 林小姐 buys and pays, asks for a refund, the manager approves it in the manager
 * workspace, and her order reads 已退款 (the emulator's WeChat Pay refunds it and notifies the
 * payment function, as WeChat Pay would).
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

/** Waits until the element on screen shows `text`, then asserts it (a failure says what it showed). */
async function showsText(page: Page, selector: string, text: string | RegExp) {
  const pattern = typeof text === 'string' ? new RegExp(`^${text}$`) : text;
  const el = page.locator(selector).filter({ visible: true }).first();
  await page.locator(selector, { hasText: pattern }).filter({ visible: true }).first().waitFor({ state: 'visible', timeout: 20_000 }).catch(() => undefined);
  expect((await el.textContent())?.trim()).toMatch(pattern);
}

const tap = (page: Page, text: string) => page.getByText(text, { exact: true }).filter({ visible: true }).first().click();
/** Lets a page transition or a sheet finish sliding in before a screenshot. */
const still = (page: Page) => page.waitForTimeout(500);

const checkoutRoute = `/#/packages/order/checkout/index?items=${encodeURIComponent(JSON.stringify([{ skuId: 'p001-white-m', quantity: 1 }]))}`;

test('a refund requested by the shopper and approved by the manager ends 已退款', async () => {
  const shopper = await stack.open('o_demo_lin', checkoutRoute);
  await seeText(shopper, '应付金额');
  await tap(shopper, '提交订单');
  await seeText(shopper, '确认支付');
  await tap(shopper, '确认支付');
  await seeText(shopper, '支付成功');
  await tap(shopper, '查看订单');
  await showsText(shopper, '.order-detail__status', '已支付');
  const orderId = new URL(shopper.url().replace('/#/', '/')).searchParams.get('id') ?? '';
  expect(orderId).toMatch(/^W/);
  await still(shopper);
  await screenshot(shopper, 'commerce-refund-1-paid-order');

  await tap(shopper, '申请退款');
  await seeText(shopper, '退款原因');
  await tap(shopper, '尺码不合适');
  await still(shopper);
  await screenshot(shopper, 'commerce-refund-2-request');
  await tap(shopper, '提交申请');
  await showsText(shopper, '.order-detail__status', '退款审核中');
  await still(shopper);
  await screenshot(shopper, 'commerce-refund-3-requested');

  const manager = await stack.open('o_manager_chen', '/#/packages/manager/index/index');
  await seeText(manager, '订单与售后');
  await screenshot(manager, 'commerce-refund-4-workspace');
  await tap(manager, '退款审核');
  await seeText(manager, `订单号 ${orderId}`);
  await still(manager);
  await screenshot(manager, 'commerce-refund-5-manager-list');
  await tap(manager, `订单号 ${orderId}`);
  await seeText(manager, '原因：尺码不合适');
  await still(manager);
  await screenshot(manager, 'commerce-refund-6-review');
  await tap(manager, '同意退款');
  // Taro's H5 modal: its confirm button says 同意.
  await manager.locator('.taro-modal__foot').getByText('同意', { exact: true }).click();
  await showsText(manager, '.manager-order__status', /退款中|已退款/);
  await stack.emulator.settle();
  await still(manager);
  await screenshot(manager, 'commerce-refund-7-approved');

  await shopper.reload();
  await showsText(shopper, '.order-detail__status', '已退款');
  await still(shopper);
  await screenshot(shopper, 'commerce-refund-8-refunded');
});
