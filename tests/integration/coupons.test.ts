import { startLocalCloud, type LocalCloud } from '../support/local-cloud';
import { STORE_SEED_IDS as ids, storeCouponSeed } from '../support/store-coupon-seed';

type Fail = { ok: false; code: string; message: string };
type Ok<T> = { ok: true; data: T };
type Reply<T> = Ok<T> | Fail;

interface Held {
  id: string;
  status: string;
  title: string;
  ruleText: string;
  faceValue: string;
  validTo: string;
}

jest.setTimeout(60_000);

let cloud: LocalCloud;

beforeAll(async () => {
  cloud = await startLocalCloud({ seed: async () => storeCouponSeed() });
});

afterAll(() => cloud.close());

const coupons = <T>(data: Record<string, unknown>, openid?: string) => cloud.call<Reply<T>>('coupons', data, openid);

function data<T>(reply: Reply<T>): T {
  if (!reply.ok) throw new Error(`expected ok, got ${reply.code}: ${reply.message}`);
  return reply.data;
}

describe('claiming store coupons', () => {
  it('gives out exactly the total when 50 people claim 10 coupons at once', async () => {
    const people = Array.from({ length: 50 }, (_, i) => `o_rush_${i}`);
    const replies = await Promise.all(people.map((p) => coupons<{ coupon: Held }>({ action: 'claim', templateId: 'tpl-scarce' }, p)));
    const won = replies.filter((r) => r.ok);
    const lost = replies.filter((r): r is Fail => !r.ok);
    expect(won).toHaveLength(10);
    expect(lost).toHaveLength(40);
    expect(new Set(lost.map((r) => r.code))).toEqual(new Set(['COUPON_SOLD_OUT']));
    expect(lost[0].message).toBe('优惠券已被抢光');
    expect(cloud.emulator.db.find('user_coupons', { templateId: 'tpl-scarce' })).toHaveLength(10);
    expect(cloud.emulator.db.find('coupon_templates', { _id: 'tpl-scarce' })[0]).toMatchObject({ claimed: 10 });
    // Losers got their per-user slot back: nobody is counted for a coupon they do not hold.
    const counted = cloud.emulator.db.find('coupon_claims', { templateId: 'tpl-scarce' }) as { claimed: number }[];
    expect(counted.reduce((n, c) => n + c.claimed, 0)).toBe(10);
  });

  it("holds one person's limit when they tap claim many times at once", async () => {
    const replies = await Promise.all(Array.from({ length: 12 }, () => coupons<{ coupon: Held }>({ action: 'claim', templateId: 'tpl-greedy' }, 'o_tapper')));
    expect(replies.filter((r) => r.ok)).toHaveLength(3);
    const refused = replies.filter((r): r is Fail => !r.ok);
    expect(refused.every((r) => r.code === 'COUPON_LIMIT_REACHED' && r.message === '每人限领3张，你已领完')).toBe(true);
    expect(cloud.emulator.db.find('user_coupons', { templateId: 'tpl-greedy', openid: 'o_tapper' })).toHaveLength(3);
    expect(cloud.emulator.db.find('coupon_templates', { _id: 'tpl-greedy' })[0]).toMatchObject({ claimed: 3 });
  });

  it('issues a coupon with the template terms, a unique 8-digit short code and the right window', async () => {
    const { coupon } = data(await coupons<{ coupon: Held }>({ action: 'claim', templateId: 'tpl-jingan' }, ids.wang));
    expect(coupon).toMatchObject({ status: 'unused', title: '静安嘉里中心店 到店满300减50', ruleText: '满300减50', faceValue: '50' });
    const stored = cloud.emulator.db.find('user_coupons', { _id: coupon.id })[0] as { shortCode: string; openid: string };
    expect(stored.openid).toBe(ids.wang);
    expect(stored.shortCode).toMatch(/^\d{8}$/);
  });

  it('refuses what cannot be claimed, with clear codes and nothing written', async () => {
    const before = cloud.emulator.db.find('user_coupons', {}).length;
    expect(await coupons({ action: 'claim', templateId: 'tpl-hidden' }, ids.wang)).toMatchObject({ ok: false, code: 'COUPON_NOT_CLAIMABLE' });
    expect(await coupons({ action: 'claim', templateId: 'tpl-later' }, ids.wang)).toMatchObject({ ok: false, code: 'COUPON_NOT_STARTED', message: '领取尚未开始' });
    expect(await coupons({ action: 'claim', templateId: 'nope' }, ids.wang)).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await coupons({ action: 'claim', templateId: '' }, ids.wang)).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
    expect(await coupons({ action: 'claim', templateId: 'tpl-jingan' })).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });
    expect(cloud.emulator.db.find('user_coupons', {}).length).toBe(before);
  });

  it('lists the coupon centre with what the caller already holds, and filters by store', async () => {
    const all = data(await coupons<{ items: { id: string; claimable: boolean; blockedReason: string | null; storeNames: string[] }[] }>({ action: 'center' }, 'o_rush_0'));
    const byId = Object.fromEntries(all.items.map((i) => [i.id, i]));
    expect(Object.keys(byId)).toEqual(expect.arrayContaining(['tpl-jingan', 'tpl-scarce', 'tpl-anystore', 'tpl-online']));
    expect(byId['tpl-hidden']).toBeUndefined();
    expect(byId['tpl-later']).toBeUndefined();
    expect(byId['tpl-scarce']).toMatchObject({ claimable: false });
    expect(byId['tpl-jingan'].storeNames).toEqual(['静安嘉里中心店']);

    const xujiahui = data(await coupons<{ items: { id: string }[] }>({ action: 'center', storeId: ids.xujiahui }, 'o_someone'));
    expect(xujiahui.items.map((i) => i.id)).toEqual(['tpl-anystore']);
  });
});

describe('my coupons and the QR token', () => {
  it('sorts held coupons into unused / used / expired tabs', async () => {
    const { coupon } = data(await coupons<{ coupon: Held }>({ action: 'claim', templateId: 'tpl-anystore' }, 'o_tabs'));
    const mine = data(await coupons<{ items: Held[]; counts: Record<string, number> }>({ action: 'mine', status: 'unused' }, 'o_tabs'));
    expect(mine.items.map((c) => c.id)).toEqual([coupon.id]);
    expect(mine.counts).toEqual({ unused: 1, used: 0, expired: 0 });
    expect(await coupons({ action: 'mine', status: 'lost' }, 'o_tabs')).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
  });

  it('signs a token only for the owner, and never for an online-only coupon', async () => {
    const { coupon } = data(await coupons<{ coupon: Held }>({ action: 'claim', templateId: 'tpl-jingan' }, 'o_token_owner'));
    const token = data(await coupons<{ token: string; shortCode: string; refreshAt: string; expiresAt: string; rotateSeconds: number }>({ action: 'token', userCouponId: coupon.id }, 'o_token_owner'));
    expect(token.token.startsWith(`${coupon.id}.`)).toBe(true);
    expect(token.shortCode).toMatch(/^\d{8}$/);
    expect(token.rotateSeconds).toBe(30);
    expect(new Date(token.expiresAt).getTime() - new Date(token.refreshAt).getTime()).toBe(30_000);
    expect(await coupons({ action: 'token', userCouponId: coupon.id }, 'o_someone_else')).toMatchObject({ ok: false, code: 'NOT_FOUND' });

    const online = data(await coupons<{ coupon: Held }>({ action: 'claim', templateId: 'tpl-online' }, 'o_token_owner'));
    expect(await coupons({ action: 'token', userCouponId: online.coupon.id }, 'o_token_owner')).toMatchObject({ ok: false, code: 'COUPON_ONLINE_ONLY' });
  });
});

describe('manager: coupon templates and redemptions by store', () => {
  const valid = () => ({
    action: 'createTemplate',
    title: '徐家汇开业 满200减40',
    rule: { kind: 'amount', amountOff: 4000, threshold: 20000 },
    channel: 'store',
    storeIds: [ids.xujiahui],
    total: 100,
    perUserLimit: 1,
    claimStartAt: new Date(Date.now() - 60_000).toISOString(),
    claimEndAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
    validity: { type: 'relative', days: 14 },
    cashbackPoints: 50,
  });

  it('creates a template a shopper can then claim, and audits it', async () => {
    const created = data(await coupons<{ template: { id: string; ruleText: string; remaining: number } }>(valid(), ids.manager));
    expect(created.template).toMatchObject({ ruleText: '满200减40', remaining: 100 });
    const audits = cloud.emulator.db.find('audit_logs', { action: 'coupon.createTemplate' });
    expect(audits).toEqual([expect.objectContaining({ actor: ids.manager, role: 'manager', target: { collection: 'coupon_templates', id: created.template.id } })]);
    const claimed = data(await coupons<{ coupon: Held }>({ action: 'claim', templateId: created.template.id }, 'o_new_shopper'));
    expect(new Date(claimed.coupon.validTo).getTime() - Date.now()).toBeGreaterThan(13 * 86_400_000);
  });

  it('refuses bad templates in Chinese, and anyone but a manager', async () => {
    expect(await coupons({ ...valid(), rule: { kind: 'amount', amountOff: 0, threshold: 0 } }, ids.manager)).toMatchObject({ ok: false, code: 'INVALID_INPUT', message: '减免金额应为大于0的整数（分）' });
    expect(await coupons({ ...valid(), storeIds: ['s-nowhere'] }, ids.manager)).toMatchObject({ ok: false, code: 'INVALID_INPUT', message: '门店s-nowhere不存在' });
    expect(await coupons({ ...valid(), claimEndAt: new Date(Date.now() - 120_000).toISOString() }, ids.manager)).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
    expect(await coupons({ ...valid(), perUserLimit: 0 }, ids.manager)).toMatchObject({ ok: false, code: 'INVALID_INPUT', message: '每人限领不能小于1' });
    expect(await coupons({ ...valid(), channel: 'online' }, ids.manager)).toMatchObject({ ok: false, message: '门店仅限线上使用的券不能指定门店' });
    expect(await coupons(valid(), ids.staffJingan)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await coupons({ action: 'redemptionsByStore' }, ids.lin)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  });

  it('reports redemptions by store over a range, every store listed', async () => {
    const report = data(await coupons<{ rows: { storeId: string; redemptions: number }[]; from: string; to: string }>({ action: 'redemptionsByStore' }, ids.manager));
    expect(report.rows.map((r) => r.storeId).sort()).toEqual([ids.sanlitun, ids.jingan, ids.xujiahui].sort());
    expect(await coupons({ action: 'redemptionsByStore', from: '2026-12-01', to: '2026-11-01' }, ids.manager)).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
  });
});
