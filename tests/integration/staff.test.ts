import { startLocalCloud, type LocalCloud } from '../support/local-cloud';
import { STORE_SEED_IDS as ids, storeCouponSeed } from '../support/store-coupon-seed';

type Fail = { ok: false; code: string; message: string };
type Reply<T> = { ok: true; data: T } | Fail;

jest.setTimeout(60_000);

let cloud: LocalCloud;

beforeAll(async () => {
  cloud = await startLocalCloud({ seed: async () => storeCouponSeed() });
});

afterAll(() => cloud.close());

const call = <T>(fn: string, data: Record<string, unknown>, openid?: string) => cloud.call<Reply<T>>(fn, data, openid);

function data<T>(reply: Reply<T>): T {
  if (!reply.ok) throw new Error(`expected ok, got ${reply.code}: ${reply.message}`);
  return reply.data;
}

/** A customer claims a coupon of `templateId` and opens its QR page: the token and the short code. */
async function claimAndShow(openid: string, templateId = 'tpl-jingan') {
  const { coupon } = data(await call<{ coupon: { id: string } }>('coupons', { action: 'claim', templateId }, openid));
  const shown = data(await call<{ token: string; shortCode: string }>('coupons', { action: 'token', userCouponId: coupon.id }, openid));
  return { id: coupon.id, ...shown };
}

const points = (openid: string) => (cloud.emulator.db.find('users', { _id: openid })[0] as { points: number }).points;

describe('staff redeem a store coupon', () => {
  it('previews the coupon with a masked customer, then redeems it once and credits the cashback once', async () => {
    const shown = await claimAndShow(ids.lin);
    const before = points(ids.lin);

    const preview = data(await call<{ coupon: Record<string, unknown> }>('staff', { action: 'preview', token: shown.token }, ids.staffJingan));
    expect(preview.coupon).toMatchObject({ userCouponId: shown.id, ruleText: '满300减50', cashbackPoints: 200, customer: { name: '林**', phone: '138****8000' } });
    expect(JSON.stringify(preview)).not.toContain(ids.lin);

    const redeemed = data(await call<{ redemption: { cashbackCredited: number; storeId: string } }>('staff', { action: 'redeem', token: shown.token }, ids.staffJingan));
    expect(redeemed.redemption).toMatchObject({ cashbackCredited: 200, storeId: ids.jingan });
    expect(points(ids.lin)).toBe(before + 200);

    // The customer's page now says used, with the points.
    const detail = data(await call<{ coupon: { status: string; cashbackCredited: number; usedStoreName: string; shortCode: string | null } }>('coupons', { action: 'detail', userCouponId: shown.id }, ids.lin));
    expect(detail.coupon).toMatchObject({ status: 'used', cashbackCredited: 200, usedStoreName: '静安嘉里中心店', shortCode: null });

    // Again, by token or by code: refused, and no second credit.
    expect(await call('staff', { action: 'redeem', code: shown.shortCode }, ids.staffJingan2)).toEqual({ ok: false, code: 'ALREADY_REDEEMED', message: '该券已核销' });
    expect(await call('staff', { action: 'preview', code: shown.shortCode }, ids.staffJingan2)).toMatchObject({ ok: false, code: 'ALREADY_REDEEMED' });
    expect(points(ids.lin)).toBe(before + 200);
    expect(cloud.emulator.db.find('points_ledger', { reason: 'store_cashback', openid: ids.lin })).toHaveLength(1);

    const stored = cloud.emulator.db.find('user_coupons', { _id: shown.id })[0] as { status: string; use: { storeId: string; staffOpenid: string; at: Date } };
    expect(stored.status).toBe('used');
    expect(stored.use).toMatchObject({ type: 'store', storeId: ids.jingan, staffOpenid: ids.staffJingan });
    expect(cloud.emulator.db.find('audit_logs', { action: 'coupon.redeem', 'target.id': shown.id })).toEqual([expect.objectContaining({ actor: ids.staffJingan, role: 'staff' })]);
  });

  it('lets exactly one of two counters redeem the same code at the same moment', async () => {
    const shown = await claimAndShow(ids.wang);
    const before = points(ids.wang);
    const [a, b] = await Promise.all([
      call('staff', { action: 'redeem', code: shown.shortCode }, ids.staffJingan),
      call('staff', { action: 'redeem', token: shown.token }, ids.staffJingan2),
    ]);
    const outcomes = [a, b].map((r) => (r as Reply<unknown>).ok);
    expect(outcomes.sort()).toEqual([false, true]);
    const loser = [a, b].find((r) => !(r as Reply<unknown>).ok);
    expect(loser).toEqual({ ok: false, code: 'ALREADY_REDEEMED', message: '该券已核销' });
    expect(points(ids.wang)).toBe(before + 200);
    expect(cloud.emulator.db.find('audit_logs', { action: 'coupon.redeem', 'target.id': shown.id })).toHaveLength(1);
  });

  it("refuses another store's coupon, a consumer, a bad code and an online-only coupon", async () => {
    const shown = await claimAndShow('o_wrong_store');
    expect(await call('staff', { action: 'preview', token: shown.token }, ids.staffXujiahui)).toEqual({ ok: false, code: 'WRONG_STORE', message: '该券不属于本门店' });
    expect(await call('staff', { action: 'redeem', code: shown.shortCode }, ids.staffXujiahui)).toEqual({ ok: false, code: 'WRONG_STORE', message: '该券不属于本门店' });
    expect(await call('staff', { action: 'redeem', code: shown.shortCode }, ids.lin)).toEqual({ ok: false, code: 'FORBIDDEN', message: '没有权限执行此操作' });
    expect(await call('staff', { action: 'preview', token: shown.token }, 'o_wrong_store')).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await call('staff', { action: 'today' }, ids.lin)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await call('staff', { action: 'redeem', code: '1234' }, ids.staffJingan)).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
    expect(await call('staff', { action: 'redeem', code: '0000 0000' }, ids.staffJingan)).toMatchObject({ ok: false, code: 'COUPON_NOT_FOUND' });
    expect(await call('staff', { action: 'redeem' }, ids.staffJingan)).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
    const forged = shown.token.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A'));
    expect(await call('staff', { action: 'redeem', token: forged }, ids.staffJingan)).toMatchObject({ ok: false, code: 'INVALID_TOKEN' });
    // Still redeemable by the right store afterwards: nothing above changed it.
    expect(cloud.emulator.db.find('user_coupons', { _id: shown.id })[0]).toMatchObject({ status: 'unused', use: null });

    const online = data(await call<{ coupon: { id: string } }>('coupons', { action: 'claim', templateId: 'tpl-online' }, 'o_wrong_store'));
    const onlineCode = (cloud.emulator.db.find('user_coupons', { _id: online.coupon.id })[0] as { shortCode: string }).shortCode;
    expect(await call('staff', { action: 'redeem', code: onlineCode }, ids.staffJingan)).toMatchObject({ ok: false, code: 'COUPON_ONLINE_ONLY' });

    // A coupon valid in every store is fine anywhere.
    const anywhere = await claimAndShow('o_anywhere', 'tpl-anystore');
    expect(await call('staff', { action: 'preview', code: anywhere.shortCode }, ids.staffXujiahui)).toMatchObject({ ok: true });
  });

  it('refuses a screenshot of the QR code once its window has passed; a freshly shown one works', async () => {
    const shown = await claimAndShow('o_screenshot');
    // 30 s windows, the current and the previous accepted: 61 s later the token is stale for sure.
    await cloud.emulator.advanceClock(61_000);
    expect(await call('staff', { action: 'preview', token: shown.token }, ids.staffJingan)).toEqual({ ok: false, code: 'TOKEN_EXPIRED', message: '二维码已过期，请让顾客刷新' });
    expect(await call('staff', { action: 'redeem', token: shown.token }, ids.staffJingan)).toMatchObject({ ok: false, code: 'TOKEN_EXPIRED' });
    expect(cloud.emulator.db.find('user_coupons', { _id: shown.id })[0]).toMatchObject({ status: 'unused' });

    const fresh = data(await call<{ token: string }>('coupons', { action: 'token', userCouponId: shown.id }, 'o_screenshot'));
    expect(await call('staff', { action: 'redeem', token: fresh.token }, ids.staffJingan)).toMatchObject({ ok: true, data: { redemption: { userCouponId: shown.id } } });
  });

});

describe('staff verify a pickup order', () => {
  it('completes a paid pickup order of their store exactly once, even from two counters at once', async () => {
    const [a, b] = await Promise.all([
      call<{ pickup: { orderId: string } }>('staff', { action: 'verifyPickup', code: '021339' }, ids.staffJingan),
      call<{ pickup: { orderId: string } }>('staff', { action: 'verifyPickup', code: '021339' }, ids.staffJingan2),
    ]);
    const oks = [a, b].filter((r) => r.ok);
    expect(oks).toHaveLength(1);
    expect(oks[0]).toMatchObject({ data: { pickup: { orderId: 'WS-PICK-1', customer: { name: '林**' } } } });
    expect([a, b].find((r) => !r.ok)).toMatchObject({ ok: false, code: 'ALREADY_PICKED_UP' });

    const order = cloud.emulator.db.find('orders', { _id: 'WS-PICK-1' })[0] as { status: string; delivery: { verifiedBy: string; verifiedAt: Date } };
    expect(order.status).toBe('completed');
    expect([ids.staffJingan, ids.staffJingan2]).toContain(order.delivery.verifiedBy);
    expect(order.delivery.verifiedAt).toBeInstanceOf(Date);
    expect(cloud.emulator.db.find('audit_logs', { action: 'pickup.verify', 'target.id': 'WS-PICK-1' })).toHaveLength(1);

    expect(await call('staff', { action: 'verifyPickup', code: '021339' }, ids.staffJingan)).toMatchObject({ ok: false, code: 'ALREADY_PICKED_UP' });
  });

  it("does not verify another store's order, a wrong code, or for a consumer", async () => {
    expect(await call('staff', { action: 'verifyPickup', code: '555111' }, ids.staffJingan)).toMatchObject({ ok: false, code: 'PICKUP_NOT_FOUND' });
    expect(await call('staff', { action: 'verifyPickup', code: '12ab' }, ids.staffJingan)).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
    expect(await call('staff', { action: 'verifyPickup', code: '555111' }, ids.wang)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(cloud.emulator.db.find('orders', { _id: 'WS-PICK-2' })[0]).toMatchObject({ status: 'paid' });
  });
});

describe("today's work at the counter", () => {
  it("lists today's redemptions and pickups of the caller's store with totals", async () => {
    const shown = await claimAndShow('o_today');
    data(await call('staff', { action: 'redeem', code: shown.shortCode }, ids.staffJingan2));
    const today = data(
      await call<{ redemptions: { userCouponId: string; byMe: boolean }[]; pickups: unknown[]; totals: { redemptions: number; cashbackPoints: number } }>('staff', { action: 'today' }, ids.staffJingan),
    );
    expect(today.redemptions[0]).toMatchObject({ userCouponId: shown.id, byMe: false });
    expect(today.totals.redemptions).toBe(today.redemptions.length);
    expect(today.totals.cashbackPoints).toBe(200 * today.redemptions.length);

    const elsewhere = data(await call<{ redemptions: unknown[]; pickups: unknown[] }>('staff', { action: 'today' }, ids.staffXujiahui));
    expect(elsewhere.redemptions.every((r) => (r as { userCouponId: string }).userCouponId !== shown.id)).toBe(true);

    const report = data(await call<{ rows: { storeId: string; redemptions: number }[] }>('coupons', { action: 'redemptionsByStore' }, ids.manager));
    expect(report.rows.find((r) => r.storeId === ids.jingan)!.redemptions).toBeGreaterThanOrEqual(1);
  });
});

// Last: it moves the clock three weeks on.
describe('after the validity window', () => {
  it('refuses a coupon past its validity', async () => {
    const shown = await claimAndShow('o_late');
    await cloud.emulator.advanceClock(21 * 86_400_000);
    expect(await call('staff', { action: 'redeem', code: shown.shortCode }, ids.staffJingan)).toEqual({ ok: false, code: 'COUPON_EXPIRED', message: '该券已过期' });
    const expired = data(await call<{ items: { id: string; status: string }[] }>('coupons', { action: 'mine', status: 'expired' }, 'o_late'));
    expect(expired.items).toEqual([expect.objectContaining({ id: shown.id, status: 'expired' })]);
  });
});
