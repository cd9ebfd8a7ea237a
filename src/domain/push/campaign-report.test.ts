import fc from 'fast-check';
import type { DeliveredSend, PaidOrder } from './attribution';
import { campaignReport, type CampaignVisit, type SendOutcome } from './campaign-report';
import { UNREACHABLE_REASONS } from './reachability';
import { SEND_FAILURE_REASONS } from './send-result';

const DAY = 86_400_000;
const t0 = Date.parse('2026-06-01T10:00:00+08:00');
const visit = (openid: string, at: number, campaignId = 'c1'): CampaignVisit => ({ openid, campaignId, at });
const order = (orderId: string, openid: string, paidAt: number, amount: number): PaidOrder => ({ orderId, openid, paidAt, amount });

describe('campaign report', () => {
  const outcomes: SendOutcome[] = [
    { openid: 'a', status: 'sent', sentAt: t0 },
    { openid: 'b', status: 'sent', sentAt: t0 },
    { openid: 'c', status: 'sent', sentAt: t0 + 60_000 },
    { openid: 'd', status: 'failed', reason: 'no_credit' },
    { openid: 'e', status: 'failed', reason: 'other' },
    { openid: 'f', status: 'unreachable', reason: 'opted_out' },
    { openid: 'g', status: 'unreachable', reason: 'daily_cap' },
    { openid: 'h', status: 'unreachable', reason: 'daily_cap' },
    { openid: 'i', status: 'pending' },
  ];

  it('counts targeted, reachable, sent and failed users with their reasons', () => {
    const r = campaignReport({ campaignId: 'c1', outcomes, visits: [], orders: [], otherSends: [] });
    expect(r).toMatchObject({ targeted: 9, pending: 1, unreachable: 3, reachable: 5, sent: 3, failed: 2 });
    expect(r.unreachableByReason).toEqual({ opted_out: 1, no_credit: 0, daily_cap: 2, weekly_cap: 0, quiet_hours: 0 });
    expect(r.failedByReason).toEqual({ no_credit: 1, invalid_user: 0, invalid_template: 0, invalid_content: 0, invalid_page: 0, other: 1 });
  });

  it('counts landing visits from recipients within 7 days of their own send', () => {
    const visits = [
      visit('a', t0 + DAY),
      visit('a', t0 + 2 * DAY), // second visit, same visitor
      visit('b', t0 + 7 * DAY), // exactly 7 days: out
      visit('c', t0 + 30_000), // before c's send
      visit('f', t0 + DAY), // never received it (a forward)
      visit('b', t0 + DAY, 'c2'), // another campaign's landing page
    ];
    const r = campaignReport({ campaignId: 'c1', outcomes, visits, orders: [], otherSends: [] });
    expect(r.landingVisits).toBe(2);
    expect(r.landingVisitors).toBe(1);
  });

  it('credits orders within 7 days, giving a later campaign the ones after its send (last touch)', () => {
    const orders = [
      order('o1', 'a', t0 + DAY, 29_900), // ours
      order('o2', 'a', t0 + 3 * DAY, 15_000), // c2 reached a at day 2: theirs
      order('o3', 'b', t0 + 6 * DAY, 10_050), // ours
      order('o4', 'b', t0 + 7 * DAY, 99_900), // too late
      order('o5', 'd', t0 + DAY, 5_000), // d never got the push
      order('o6', 'c', t0 - DAY, 5_000), // before the send
    ];
    const otherSends: DeliveredSend[] = [{ campaignId: 'c2', openid: 'a', sentAt: t0 + 2 * DAY }];
    const r = campaignReport({ campaignId: 'c1', outcomes, visits: [], orders, otherSends });
    expect(r).toMatchObject({ orders: 2, buyers: 2, gmv: 29_900 + 10_050 });
  });

  it('counts a user once when a retry left two outcome records, the later one winning', () => {
    const r = campaignReport({
      campaignId: 'c1',
      outcomes: [
        { openid: 'a', status: 'pending' },
        { openid: 'a', status: 'sent', sentAt: t0 },
      ],
      visits: [],
      orders: [],
      otherSends: [],
    });
    expect(r).toMatchObject({ targeted: 1, pending: 0, sent: 1 });
  });

  it('reports zeroes for an empty campaign', () => {
    const r = campaignReport({ campaignId: 'c1', outcomes: [], visits: [], orders: [], otherSends: [] });
    expect(r).toMatchObject({ targeted: 0, reachable: 0, sent: 0, failed: 0, landingVisits: 0, orders: 0, gmv: 0 });
  });

  const arbOutcome = (openid: string): fc.Arbitrary<SendOutcome> =>
    fc.oneof(
      fc.constant<SendOutcome>({ openid, status: 'pending' }),
      fc.constantFrom(...UNREACHABLE_REASONS).map((reason): SendOutcome => ({ openid, status: 'unreachable', reason })),
      fc.constantFrom(...SEND_FAILURE_REASONS).map((reason): SendOutcome => ({ openid, status: 'failed', reason })),
      fc.integer({ min: 0, max: 20 * DAY }).map((d): SendOutcome => ({ openid, status: 'sent', sentAt: t0 + d })),
    );
  const users = ['u1', 'u2', 'u3', 'u4', 'u5'];

  it('adds up: targeted = pending + unreachable + reachable, reachable = sent + failed, reasons sum to totals', () => {
    fc.assert(
      fc.property(fc.tuple(...users.map(arbOutcome)), (outs) => {
        const r = campaignReport({ campaignId: 'c1', outcomes: outs, visits: [], orders: [], otherSends: [] });
        expect(r.targeted).toBe(r.pending + r.unreachable + r.reachable);
        expect(r.reachable).toBe(r.sent + r.failed);
        expect(Object.values(r.unreachableByReason).reduce((a, b) => a + b, 0)).toBe(r.unreachable);
        expect(Object.values(r.failedByReason).reduce((a, b) => a + b, 0)).toBe(r.failed);
      }),
    );
  });

  it('never credits an order to two campaigns: reports together hold no more orders or GMV than were paid', () => {
    const arbOrder = fc.record({ openid: fc.constantFrom(...users), paidAt: fc.integer({ min: t0, max: t0 + 30 * DAY }), amount: fc.nat(100_000) });
    fc.assert(
      fc.property(fc.tuple(...users.map(arbOutcome)), fc.tuple(...users.map(arbOutcome)), fc.array(arbOrder, { maxLength: 15 }), (o1, o2, raw) => {
        const orders = raw.map((o, i) => ({ ...o, orderId: `o${i}` }));
        const delivered = (campaignId: string, outs: SendOutcome[]): DeliveredSend[] =>
          outs.flatMap((o) => (o.status === 'sent' ? [{ campaignId, openid: o.openid, sentAt: o.sentAt }] : []));
        const r1 = campaignReport({ campaignId: 'c1', outcomes: o1, visits: [], orders, otherSends: delivered('c2', o2) });
        const r2 = campaignReport({ campaignId: 'c2', outcomes: o2, visits: [], orders, otherSends: delivered('c1', o1) });
        expect(r1.orders + r2.orders).toBeLessThanOrEqual(orders.length);
        expect(r1.gmv + r2.gmv).toBeLessThanOrEqual(orders.reduce((s, o) => s + o.amount, 0));
      }),
    );
  });
});
