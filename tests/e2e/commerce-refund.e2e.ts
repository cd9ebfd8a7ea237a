/**
 * After-sales: 林小姐 asks for a refund of a paid order, the manager approves it in the manager
 * workspace, and her order reads 已退款.
 */
import type { Page } from 'playwright-core';
import { DEMO_IDS } from '../../scripts/seed';
import { screenshot } from './support/browser';
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
  const el = page.locator(selector).first();
  await page.locator(selector, { hasText: pattern }).first().waitFor({ state: 'visible', timeout: 20_000 }).catch(() => undefined);
  expect((await el.textContent())?.trim()).toMatch(pattern);
}

async function seeText(page: Page, text: string | RegExp) {
  await page.getByText(text).first().waitFor({ state: 'visible', timeout: 20_000 });
}

const orderId = DEMO_IDS.linPickupOrder;
const detailRoute = `/#/packages/order/detail/index?id=${orderId}`;

test('a refund requested by the shopper and approved by the manager ends 已退款', async () => {
  const shopper = await stack.open('o_demo_lin', detailRoute);
  await seeText(shopper, '订单进度');
  await showsText(shopper, '.order-detail__status', '已支付');
  await screenshot(shopper, 'commerce-refund-1-paid-order');

  await shopper.getByText('申请退款').first().click();
  await seeText(shopper, '退款原因');
  await shopper.getByText('尺码不合适').first().click();
  await screenshot(shopper, 'commerce-refund-2-request');
  await shopper.getByText('提交申请').first().click();
  await showsText(shopper, '.order-detail__status', '退款审核中');
  await screenshot(shopper, 'commerce-refund-3-requested');

  const manager = await stack.open('o_manager_chen', '/#/packages/manager/index/index');
  await seeText(manager, '订单与售后');
  await screenshot(manager, 'commerce-refund-4-workspace');
  await manager.getByText('退款审核').first().click();
  await seeText(manager, `订单号 ${orderId}`);
  await screenshot(manager, 'commerce-refund-5-manager-list');
  await manager.getByText(`订单号 ${orderId}`).first().click();
  await seeText(manager, '原因：尺码不合适');
  await screenshot(manager, 'commerce-refund-6-review');
  await manager.getByText('同意退款').first().click();
  // Taro's H5 modal: its confirm button says 同意.
  await manager.getByText('同意', { exact: true }).last().click();
  await stack.emulator.settle();
  await showsText(manager, '.manager-order__status', /退款中|已退款/);
  await screenshot(manager, 'commerce-refund-7-approved');

  await stack.emulator.settle();
  await shopper.goto(detailRoute);
  await shopper.reload();
  await showsText(shopper, '.order-detail__status', '已退款');
  await screenshot(shopper, 'commerce-refund-8-refunded');
});
