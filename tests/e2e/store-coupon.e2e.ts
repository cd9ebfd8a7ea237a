/**
 * The store-coupon loop: a shopper claims a store coupon in the coupon centre -> opens its QR page
 * (the short code under the QR is read off the page) -> a staff member of that store types the code
 * at the counter, previews and confirms -> the shopper's page turns to 已核销 with the points back.
 * Runs the H5 build against the local CloudBase with the demo brand.
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

const pointsOf = (openid: string) => (stack.emulator.db.find('users', { _id: openid })[0] as { points: number }).points;

test('王女士 claims the Jing’an store coupon, 周婷 redeems it by its short code, and her page shows 已核销 and +200 积分', async () => {
  const shopper = 'o_demo_wang';
  const pointsBefore = pointsOf(shopper);

  // 1. The coupon centre of the Jing'an store.
  const page = await stack.open(shopper, '/#/packages/store/coupons/index?storeId=s-sh-jingan');
  await seeText(page, '静安嘉里中心店 到店满300减50');
  await screenshot(page, 'store-coupon-1-centre');
  const ticket = page.locator('.coupon-ticket', { hasText: '静安嘉里中心店 到店满300减50' }).first();
  await ticket.getByText('领取', { exact: true }).click();
  await ticket.getByText('去使用').waitFor({ state: 'visible', timeout: 20_000 });
  await screenshot(page, 'store-coupon-2-claimed');

  // 2. Its QR page: a rotating code with a countdown, and the short code to read out.
  await ticket.getByText('去使用').click();
  await seeText(page, /秒后自动刷新/);
  const shortText = (await page.locator('.coupon-qr__short').first().textContent())?.trim() ?? '';
  expect(shortText).toMatch(/^\d{4} \d{4}$/);
  const shortCode = shortText.replace(/\s/g, '');
  await screenshot(page, 'store-coupon-3-qr');

  // 3. At the counter: the store's manager types the code, checks the preview, confirms.
  const counter = await stack.open('o_staff_jingan_1', '/#/packages/staff/index/index');
  await seeText(counter, '门店核销台');
  await counter.locator('.staff-panel__input input').first().fill(shortCode);
  await counter.getByText('查询', { exact: true }).click();
  await seeText(counter, '请与顾客确认');
  await seeText(counter, '满300减50');
  await seeText(counter, /顾客：王\*\*/);
  await screenshot(counter, 'store-coupon-4-preview');
  await counter.getByText('确认核销').click();
  await seeText(counter, '核销成功');
  await seeText(counter, '已为顾客返还 200 积分');
  await screenshot(counter, 'store-coupon-5-redeemed');

  // A second counter trying the same code is told it is spent.
  await counter.getByText('继续核销').click();
  await counter.locator('.staff-panel__input input').first().fill(shortCode);
  await counter.getByText('查询', { exact: true }).click();
  await seeText(counter, '该券已核销');
  await screenshot(counter, 'store-coupon-6-already');

  // 4. The shopper's QR page, still open, notices by itself.
  await seeText(page, '+200 积分已到账', 20_000);
  await seeText(page, /静安嘉里中心店 ·/);
  await screenshot(page, 'store-coupon-7-shopper-used');
  expect(pointsOf(shopper)).toBe(pointsBefore + 200);

  // And her coupon list files it under 已使用, stamped 已核销.
  await page.locator('.coupon-qr__actions').getByText('我的优惠券').click();
  await page.locator('.my-coupons').getByText(/^已使用/).first().click();
  // (Earlier pages stay in the H5 DOM, hidden: look inside this one.)
  const used = page.locator('.my-coupons .coupon-ticket', { hasText: '静安嘉里中心店 到店满300减50' }).first();
  await used.waitFor({ state: 'visible', timeout: 20_000 });
  expect((await used.locator('.coupon-ticket__stamp').textContent())?.trim()).toBe('已核销');
  await screenshot(page, 'store-coupon-8-mine-used');
});
