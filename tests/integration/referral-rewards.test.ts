/**
 * Referral rewards through the local CloudBase: an invitee who arrives with a code, buys and pays
 * earns the referrer points (and the order records the code); a refund inside the after-sales
 * window takes them back, one after it does not. Repeated and simultaneous deliveries of the same
 * paid event reward once; the N-th qualifying invitee's coupon is issued once even when several
 * invitees' orders are paid at the same moment.
 */
import { adminCall } from '../../emulator/testing';
import { startLocalCloud, type LocalCloud } from '../support/local-cloud';
import { MANAGER, address, baseSeed, requestId, sku, user, type Reply } from './fixtures/commerce';

jest.setTimeout(90_000);

let cloud: LocalCloud;
const DAY = 86_400_000;

const referralTemplate = {
  _id: 'tpl-ref',
  title: '邀请有礼 满199减50',
  description: '邀请3位好友完成首单即得',
  kind: 'referral',
  rule: { kind: 'amount', amountOff: 5000, threshold: 19900 },
  scope: { type: 'all' },
  channel: 'both',
  storeIds: null,
  total: null,
  claimed: 0,
  used: 0,
  perUserLimit: 1,
  tiers: null,
  claimStartAt: new Date(Date.now() - 30 * DAY),
  claimEndAt: new Date(Date.now() - DAY),
  validity: { type: 'relative', days: 30 },
  pointsCost: null,
  cashbackPoints: 0,
  public: false,
  status: 'active',
  createdAt: new Date(Date.now() - 30 * DAY),
  updatedAt: new Date(Date.now() - 30 * DAY),
};

const bound = (invitee: string, referrer: string) => ({
  _id: invitee,
  invitee,
  referrer,
  code: 'KOCCODE1',
  status: 'bound',
  boundAt: new Date(Date.now() - DAY),
  firstOrderId: null,
  qualifiedAt: null,
  rewardPoints: 0,
  source: 'poster',
});

const paidOrder = (id: string, openid: string) => ({ _id: id, openid, type: 'normal', status: 'paid', paidAt: new Date(), payment: { outTradeNo: id }, refund: null, createdAt: new Date() });

const KOC_INVITEES = ['o_i1', 'o_i2', 'o_i3', 'o_i4'];

beforeAll(async () => {
  cloud = await startLocalCloud({
    seed: async () =>
      baseSeed({
        skus: [sku('tee-m', 'p-tee', 10000, 50)],
        users: [user('o_ann'), user('o_ben'), user('o_cat'), user('o_koc'), ...KOC_INVITEES.map((id) => user(id))],
        addresses: [address('addr-ben', 'o_ben'), address('addr-cat', 'o_cat')],
        coupon_templates: [referralTemplate],
        referral_codes: [{ _id: 'KOCCODE1', openid: 'o_koc', target: { type: 'home', id: null }, scene: 'r=KOCCODE1', scans: 0, createdAt: new Date() }],
        referrals: KOC_INVITEES.map((id) => bound(id, 'o_koc')),
        orders: KOC_INVITEES.map((id, i) => paidOrder(`WSK${i + 1}`, id)),
        settings: [{ _id: 'referral', inviteeOrderPoints: 200, milestoneInvites: 3, milestoneTemplateId: 'tpl-ref', clawbackWindowDays: 1, updatedAt: new Date() }],
      }),
  });
}, 60_000);
afterAll(() => cloud?.close());

const db = () => cloud.emulator.db;
const pointsOf = (openid: string) => (db().find('users', { _id: openid })[0] as { points: number }).points;
const referralOf = (openid: string) => db().find('referrals', { _id: openid })[0] as { status: string; firstOrderId: string | null; rewardPoints: number };
const now = () => new Date(cloud.emulator.clock.now());

/** The outbox's delivery of one order event, as the dispatcher makes it (SOURCE scf). */
async function deliver(type: 'paid' | 'refunded', orderId: string, openid: string, at = now()) {
  const outcome = await cloud.emulator.runtime.invoke(
    'referral',
    { action: 'onOrderEvent', event: { _id: `${orderId}:${type}`, type, orderId, openid, at: at.toISOString(), payload: {} } },
    { source: 'scf' },
  );
  expect(outcome).toMatchObject({ ok: true, result: { ok: true } });
}

async function buy(openid: string, referralCode: string): Promise<string> {
  const created = await cloud.call<Reply<{ orderId: string }>>(
    'orders',
    { action: 'create', items: [{ skuId: 'tee-m', quantity: 1 }], delivery: 'express', requestId: requestId(), referralCode },
    openid,
  );
  expect(created.ok).toBe(true);
  const pay = await cloud.call<Reply<{ outTradeNo: string }>>('orders', { action: 'pay', orderId: created.data.orderId }, openid);
  expect((await adminCall(cloud.emulator, 'POST', `/pay/${pay.data.outTradeNo}/confirm`)).status).toBe(200);
  await adminCall(cloud.emulator, 'POST', '/settle');
  return created.data.orderId;
}

async function refund(openid: string, orderId: string) {
  expect(await cloud.call<Reply>('orders', { action: 'refundRequest', orderId, reason: '尺码不合适' }, openid)).toMatchObject({ ok: true });
  expect(await cloud.call<Reply>('orders', { action: 'refundReview', orderId, approve: true, note: '同意退款' }, MANAGER)).toMatchObject({ ok: true });
  await adminCall(cloud.emulator, 'POST', '/settle');
  expect(db().find('orders', { _id: orderId })[0]).toMatchObject({ status: 'refunded' });
}

describe('a poster invitee buying', () => {
  let orderId = '';

  it('credits the referrer when the invitee first order is paid, and records the code on the order', async () => {
    const code = (await cloud.call<Reply<{ code: string }>>('referral', { action: 'poster', target: { type: 'home' } }, 'o_ann')).data.code;
    expect(await cloud.call<Reply>('referral', { action: 'bind', code }, 'o_ben')).toMatchObject({ ok: true });
    orderId = await buy('o_ben', code);

    expect(db().find('orders', { _id: orderId })[0]).toMatchObject({ status: 'paid', attribution: { referralCode: code } });
    expect(referralOf('o_ben')).toMatchObject({ status: 'qualified', firstOrderId: orderId, rewardPoints: 200 });
    expect(pointsOf('o_ann')).toBe(200);
    expect(db().find('points_ledger', { openid: 'o_ann' })).toMatchObject([{ reason: 'referral', delta: 200, ref: 'referral:o_ben' }]);

    // A second order is not a first order: nothing more.
    await buy('o_ben', code);
    expect(pointsOf('o_ann')).toBe(200);
  });

  it('takes the points back when that order is refunded inside the after-sales window, once', async () => {
    await refund('o_ben', orderId);
    expect(referralOf('o_ben')).toMatchObject({ status: 'void' });
    expect(pointsOf('o_ann')).toBe(0);
    await Promise.all([deliver('refunded', orderId, 'o_ben'), deliver('refunded', orderId, 'o_ben')]);
    expect(pointsOf('o_ann')).toBe(0);
    const history = await cloud.call<Reply<{ lines: { title: string; amount: string }[] }>>('membership', { action: 'pointsHistory' }, 'o_ann');
    expect(history.ok && history.data.lines.map((l) => `${l.title} ${l.amount}`)).toEqual(['退款扣回 -200', '邀请好友奖励 +200']);
  });

  it('keeps the reward when the refund comes after the window', async () => {
    const code = (await cloud.call<Reply<{ code: string }>>('referral', { action: 'poster', target: { type: 'home' } }, 'o_ann')).data.code;
    expect(await cloud.call<Reply>('referral', { action: 'bind', code }, 'o_cat')).toMatchObject({ ok: true });
    const late = await buy('o_cat', code);
    expect(pointsOf('o_ann')).toBe(200);
    await cloud.emulator.advanceClock(2 * DAY);
    await refund('o_cat', late);
    expect(referralOf('o_cat')).toMatchObject({ status: 'qualified', firstOrderId: late });
    expect(pointsOf('o_ann')).toBe(200);
  });
});

describe('rewards exactly once', () => {
  it('rewards the same paid event once however often and however simultaneously it is delivered', async () => {
    await Promise.all(Array.from({ length: 4 }, () => deliver('paid', 'WSK1', 'o_i1')));
    await deliver('paid', 'WSK1', 'o_i1');
    expect(pointsOf('o_koc')).toBe(200);
    expect(db().find('points_ledger', { openid: 'o_koc' })).toHaveLength(1);
    expect(referralOf('o_i1')).toMatchObject({ status: 'qualified', firstOrderId: 'WSK1' });
  });

  it('issues the third invitee coupon once when invitees pay at the same moment', async () => {
    const deliveries = ['WSK2', 'WSK3', 'WSK4'].flatMap((orderId, i) => [deliver('paid', orderId, KOC_INVITEES[i + 1]), deliver('paid', orderId, KOC_INVITEES[i + 1])]);
    await Promise.all(deliveries);
    expect(pointsOf('o_koc')).toBe(800);
    const coupons = db().find('user_coupons', { openid: 'o_koc' }) as { _id: string; source: string; title: string }[];
    expect(coupons).toEqual([expect.objectContaining({ _id: 'uc-referral-o_koc-1', source: 'referral', title: '邀请有礼 满199减50' })]);
    expect(db().find('coupon_templates', { _id: 'tpl-ref' })[0]).toMatchObject({ claimed: 1 });

    const progress = await cloud.call<Reply<Record<string, unknown>>>('referral', { action: 'progress' }, 'o_koc');
    expect(progress).toMatchObject({
      ok: true,
      data: { invited: 4, qualified: 4, milestones: 1, target: 6, remaining: 2, rewards: { points: 800, coupons: [{ id: 'uc-referral-o_koc-1', status: 'unused' }] } },
    });
    expect((progress.data.invitees as { statusText: string }[]).map((i) => i.statusText)).toEqual(['已下单', '已下单', '已下单', '已下单']);
    // The count the KOC tag reads.
    expect(db().find('referrals', { referrer: 'o_koc', status: 'qualified' })).toHaveLength(4);
  });

  it('refuses order events sent by a mini program', async () => {
    const forged = await cloud.call<Reply>('referral', { action: 'onOrderEvent', event: { type: 'paid', orderId: 'WSK1', openid: 'o_i1', at: new Date().toISOString() } }, 'o_i1');
    expect(forged).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  });
});

describe('invite progress', () => {
  it('shows the referrer their invitees with masked names, statuses and rewards', async () => {
    const progress = await cloud.call<Reply<{ invited: number; qualified: number; target: number; invitees: { name: string; statusText: string }[]; rewards: { points: number } }>>(
      'referral',
      { action: 'progress' },
      'o_ann',
    );
    expect(progress).toMatchObject({ ok: true, data: { invited: 2, qualified: 1, target: 3, rewards: { points: 200 } } });
    expect(progress.data.invitees.map((i) => `${i.name} ${i.statusText}`)).toEqual(['顾** 已下单', '顾** 已失效']);
    expect(await cloud.call<Reply>('referral', { action: 'progress' })).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });
  });
});
