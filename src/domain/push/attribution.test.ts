import fc from 'fast-check';
import { ATTRIBUTION_WINDOW_MS, attributeOrder, attributeOrders, withinAttributionWindow, type DeliveredSend, type PaidOrder } from './attribution';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const t0 = Date.parse('2026-06-01T10:00:00+08:00');
const send = (campaignId: string, sentAt: number, openid = 'u1'): DeliveredSend => ({ campaignId, openid, sentAt });
const order = (paidAt: number, openid = 'u1', orderId = 'o1'): PaidOrder => ({ orderId, openid, paidAt, amount: 19_900 });

describe('order attribution', () => {
  it('uses a window of exactly 7 x 24 hours', () => {
    expect(ATTRIBUTION_WINDOW_MS).toBe(7 * DAY);
  });

  it('credits an order paid from the moment of the send up to, not including, 7 days later', () => {
    expect(withinAttributionWindow(t0, t0)).toBe(true);
    expect(withinAttributionWindow(t0, t0 + 7 * DAY - 1)).toBe(true);
    expect(withinAttributionWindow(t0, t0 + 7 * DAY)).toBe(false);
    expect(withinAttributionWindow(t0, t0 - 1)).toBe(false);
  });

  it('gives the order to the latest campaign delivered before it (last touch)', () => {
    const sends = [send('spring', t0), send('sale', t0 + 2 * DAY)];
    expect(attributeOrder(order(t0 + 3 * DAY), sends)?.campaignId).toBe('sale');
    expect(attributeOrder(order(t0 + DAY), sends)?.campaignId).toBe('spring');
  });

  it('ignores a campaign sent after the payment', () => {
    // A send after the payment cannot have caused it.
    const sends = [send('spring', t0), send('sale', t0 + 5 * DAY)];
    expect(attributeOrder(order(t0 + 4 * DAY), sends)?.campaignId).toBe('spring');
  });

  it('credits nobody when the only send was more than 7 days before, or to someone else', () => {
    expect(attributeOrder(order(t0 + 8 * DAY), [send('spring', t0)])).toBeNull();
    expect(attributeOrder(order(t0 + DAY, 'u2'), [send('spring', t0, 'u1')])).toBeNull();
  });

  it('breaks an exact tie by campaign id, whatever the input order', () => {
    const a = [send('b-camp', t0), send('a-camp', t0)];
    expect(attributeOrder(order(t0 + HOUR), a)?.campaignId).toBe('a-camp');
    expect(attributeOrder(order(t0 + HOUR), [...a].reverse())?.campaignId).toBe('a-camp');
  });

  it('credits each order to at most one campaign that reached that buyer within the window', () => {
    const arbSend = fc.record({ campaignId: fc.constantFrom('c1', 'c2', 'c3'), openid: fc.constantFrom('u1', 'u2'), sentAt: fc.integer({ min: t0, max: t0 + 30 * DAY }) });
    const arbOrder = fc.record({ openid: fc.constantFrom('u1', 'u2', 'u3'), paidAt: fc.integer({ min: t0, max: t0 + 40 * DAY }), amount: fc.nat(100_000) });
    fc.assert(
      fc.property(fc.array(arbSend, { maxLength: 12 }), fc.array(arbOrder, { maxLength: 12 }), (sends, raw) => {
        const orders = raw.map((o, i) => ({ ...o, orderId: `o${i}` }));
        const credited = attributeOrders(orders, sends);
        for (const o of orders) {
          const campaign = credited.get(o.orderId);
          const candidates = sends.filter((s) => s.openid === o.openid && s.sentAt <= o.paidAt && o.paidAt < s.sentAt + 7 * DAY);
          if (candidates.length === 0) expect(campaign).toBeUndefined();
          else {
            const latest = Math.max(...candidates.map((s) => s.sentAt));
            expect(candidates.some((s) => s.campaignId === campaign && s.sentAt === latest)).toBe(true);
          }
        }
      }),
    );
  });
});
