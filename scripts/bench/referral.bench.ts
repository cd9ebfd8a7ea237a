/**
 * The referral function: opening a poster again (the code and its image are reused — no wxacode
 * call), binding new invitees through the gateway, and the outbox's paid-event delivery that
 * qualifies an invitee and rewards the referrer.
 */
import path from 'path';
import { createEmulator } from '../../emulator/server';
import { baseSeed, sku, user } from '../../tests/integration/fixtures/commerce';
import { load, row, TABLE_HEAD } from './stats';

const OPS = Number(process.env.BENCH_OPS ?? 200);
const CONCURRENCY = 4;
const REFERRERS = 20;
const DAY = 86_400_000;

const MILESTONE_TEMPLATE = {
  _id: 'tpl-referral-milestone', title: '邀请有礼 满199减50', description: '', kind: 'referral', rule: { kind: 'amount', amountOff: 5000, threshold: 19900 },
  scope: { type: 'all' }, channel: 'both', storeIds: null, total: null, claimed: 0, used: 0, perUserLimit: 99, tiers: null,
  claimStartAt: new Date(Date.now() - DAY), claimEndAt: new Date(Date.now() + 365 * DAY), validity: { type: 'relative', days: 30 },
  pointsCost: null, cashbackPoints: 0, public: false, status: 'active', createdAt: new Date(), updatedAt: new Date(),
};

export default async function benchReferral(): Promise<string> {
  const referrers = Array.from({ length: REFERRERS }, (_, i) => `o_ref_${i}`);
  const invitees = Array.from({ length: OPS }, (_, i) => `o_inv_${i}`);
  const emulator = await createEmulator({
    port: 0,
    functionsDir: path.join(__dirname, '..', '..', 'cloudfunctions'),
    timers: 'manual',
    seed: async () =>
      baseSeed({
        skus: [sku('tee-m', 'p-tee', 9900, 100)],
        users: [...referrers, ...invitees].map((o) => user(o)),
        coupon_templates: [MILESTONE_TEMPLATE],
        orders: invitees.map((o, i) => ({ _id: `WSB${i}`, openid: o, type: 'normal', status: 'paid', paidAt: null, payment: { outTradeNo: `WSB${i}` }, refund: null })),
      }),
  });
  const call = async (openid: string, data: Record<string, unknown>) => {
    const res = await fetch(`${emulator.url}/api/functions/referral`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-wx-openid': openid },
      body: JSON.stringify(data),
    });
    const reply = (await res.json()) as { result?: { ok: boolean; data?: Record<string, unknown> } };
    if (!reply.result?.ok) throw new Error(`referral failed: ${JSON.stringify(reply)}`);
    return reply.result.data ?? {};
  };
  try {
    const codes: string[] = [];
    for (const r of referrers) codes.push(String((await call(r, { action: 'poster', target: { type: 'home' } })).code));
    await load(20, CONCURRENCY, (i) => call(referrers[i % REFERRERS], { action: 'poster', target: { type: 'home' } })); // start the function's instances
    const poster = await load(OPS, CONCURRENCY, (i) => call(referrers[i % REFERRERS], { action: 'poster', target: { type: 'home' } }));
    const bind = await load(OPS, CONCURRENCY, (i) => call(invitees[i], { action: 'bind', code: codes[i % REFERRERS] }));
    const paid = await load(OPS, CONCURRENCY, async (i) => {
      const at = new Date().toISOString();
      const outcome = await emulator.runtime.invoke(
        'referral',
        { action: 'onOrderEvent', event: { _id: `WSB${i}:paid`, type: 'paid', orderId: `WSB${i}`, openid: invitees[i], at, payload: {} } },
        { source: 'scf' },
      );
      if (!outcome.ok) throw new Error('onOrderEvent failed');
    });
    return [
      '## referral (scripts/bench/referral.bench.ts)',
      '',
      `${CONCURRENCY} requests in flight, ${OPS} per row, ${REFERRERS} referrers. \`poster\` again: the stored code and image are reused (a code lookup, the user, one temp-URL call; no wxacode). \`bind\`: a new invitee each (code lookup, scans +1, order count, chain walk, insert, cycle re-check, user copy). Paid event: qualify, \`movePoints\` transaction, qualified count and milestone coupon (every 3rd invitee of a referrer).`,
      '',
      TABLE_HEAD,
      row('referral.poster (reused code)', poster),
      row('referral.bind (new invitee)', bind),
      row('onOrderEvent paid (reward)', paid),
    ].join('\n');
  } finally {
    await emulator.close();
  }
}
