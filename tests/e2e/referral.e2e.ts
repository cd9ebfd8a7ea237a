/**
 * The referral loop: 王先生 (A) opens his poster for a product; the 2D canvas is drawn and the code
 * on it, read from the canvas pixels and decoded with jsQR, is his short code. A new shopper (B)
 * opens the storefront with that code, buys (门店自提) and pays; once the order events are settled,
 * A's invite page shows one invitee 已下单 and the progress 1/3.
 * Runs the H5 build against the local CloudBase with the demo brand.
 */
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { adminCall } from '../../emulator/testing';
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

async function until<T>(read: () => T | undefined, what: string, timeout = 20_000): Promise<T> {
  const end = Date.now() + timeout;
  for (;;) {
    const value = read();
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

test('A makes a poster whose code decodes to his short code; B arrives with it and buys; A sees 1 invitee 已下单 and 1/3', async () => {
  const referrer = 'o_demo_wang';
  const invitee = 'o_demo_new';

  // 1. A's poster for the 冰丝凉感宽松T恤.
  const a = await stack.open(referrer, '/#/packages/invite/poster/index?productId=p001');
  await a.locator('.poster--drawn').first().waitFor({ state: 'attached', timeout: 30_000 });
  await seeText(a, /^我的邀请码 [A-Z0-9]{8}$/);
  const code = ((await a.locator('.poster__code').first().textContent()) ?? '').trim().split(' ')[1];
  await a.waitForTimeout(300);
  await screenshot(a, 'referral-1-poster');

  const dataUrl = await a.evaluate(() => (document.querySelector('.poster canvas') as HTMLCanvasElement).toDataURL('image/png'));
  const png = PNG.sync.read(Buffer.from(dataUrl.split(',')[1], 'base64'));
  const decoded = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
  expect(decoded?.data).toBe(`r=${code}`);
  expect(stack.emulator.db.find('referral_codes', { _id: code })[0]).toMatchObject({ openid: referrer, target: { type: 'product', id: 'p001' } });

  // 2. B opens the storefront with A's code: bound to A once logged in.
  const b = await stack.open(invitee, `/#/pages/home/index?scene=${code}`);
  await b.waitForLoadState('networkidle');
  const binding = await until(() => stack.emulator.db.find('referrals', { _id: invitee })[0] as { referrer: string; status: string } | undefined, 'the binding');
  expect(binding).toMatchObject({ referrer: referrer, status: 'bound' });
  await screenshot(b, 'referral-2-arrival');

  // 3. B buys a tee for 门店自提 and pays.
  const items = encodeURIComponent(JSON.stringify([{ skuId: 'p001-white-l', quantity: 1 }]));
  await b.goto(`/#/packages/order/checkout/index?items=${items}`);
  await seeText(b, '应付金额');
  await b.getByText('门店自提', { exact: true }).filter({ visible: true }).first().click();
  const choose = b.locator('.checkout__add', { hasText: /^选择自提门店$/ }).filter({ visible: true }).first();
  await choose.waitFor({ state: 'visible', timeout: 20_000 });
  await choose.click();
  await b.locator('.coupon-list__item', { hasText: '静安嘉里中心店' }).filter({ visible: true }).first().click();
  await seeText(b, '付款后凭自提码到店取货，店员核验后完成');
  await b.getByText('提交订单', { exact: true }).filter({ visible: true }).first().click();
  await b.getByText('确认支付', { exact: true }).filter({ visible: true }).first().click();
  await seeText(b, '到店出示自提码即可取货');
  await screenshot(b, 'referral-3-paid');
  const order = stack.emulator.db.find('orders', { openid: invitee })[0] as { _id: string; status: string; attribution: { referralCode: string } | null };
  expect(order).toMatchObject({ status: 'paid', attribution: { referralCode: code } });

  // 4. The outbox settles; A's invite page shows the invitee and the progress.
  await adminCall(stack.emulator, 'POST', '/settle');
  expect(stack.emulator.db.find('referrals', { _id: invitee })[0]).toMatchObject({ status: 'qualified', firstOrderId: order._id });
  const invite = await stack.open(referrer, '/#/packages/invite/index/index');
  await seeText(invite, '已邀请1人下单 / 目标3人');
  expect(((await invite.locator('.invite__count').first().textContent()) ?? '').trim()).toBe('1/3');
  const rows = invite.locator('.invite__row').filter({ visible: true });
  expect(await rows.count()).toBe(1);
  expect(((await rows.first().locator('.invite__status').textContent()) ?? '').trim()).toBe('已下单');
  await seeText(invite, '+200 积分');
  await invite.waitForTimeout(500);
  await screenshot(invite, 'referral-4-invite');
});
