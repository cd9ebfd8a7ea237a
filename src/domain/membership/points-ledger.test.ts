import fc from 'fast-check';
import { AppError } from '../reply';
import { ValidationError } from '../validate';
import {
  LEDGER_REASONS,
  applyEntry,
  cappedDebit,
  historyLine,
  ledgerRef,
  makeEntry,
  parseLedgerRef,
  reasonLabel,
  reconcileLedger,
  type LedgerEntry,
  type LedgerReason,
} from './points-ledger';

const AT = new Date('2026-11-22T02:00:00Z');

function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  throw new Error('expected a throw');
}

describe('applyEntry', () => {
  it('adds and takes away points', () => {
    expect(applyEntry(0, 10)).toBe(10);
    expect(applyEntry(10, -4)).toBe(6);
    expect(applyEntry(10, -10)).toBe(0);
  });

  it('refuses to go below zero with INSUFFICIENT_POINTS / 积分不足', () => {
    const e = thrown(() => applyEntry(10, -11));
    expect(e).toBeInstanceOf(AppError);
    expect(e).toMatchObject({ code: 'INSUFFICIENT_POINTS', message: '积分不足' });
  });

  it('refuses fractional points and negative balances as bugs', () => {
    expect(() => applyEntry(10, 1.5)).toThrow(RangeError);
    expect(() => applyEntry(-1, 5)).toThrow(RangeError);
  });

  it('never leaves a negative balance, whatever sequence is applied', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -500, max: 500 }), { maxLength: 50 }), (deltas) => {
        let balance = 0;
        let accepted = 0;
        for (const d of deltas) {
          try {
            balance = applyEntry(balance, d);
            accepted += d;
          } catch (e) {
            expect(e).toMatchObject({ code: 'INSUFFICIENT_POINTS' });
            expect(balance + d).toBeLessThan(0);
          }
          expect(balance).toBeGreaterThanOrEqual(0);
        }
        expect(balance).toBe(accepted);
      }),
    );
  });
});

describe('cappedDebit', () => {
  it('takes what is there and writes off the rest', () => {
    expect(cappedDebit(100, 30)).toEqual({ delta: -30, shortfall: 0 });
    expect(cappedDebit(20, 30)).toEqual({ delta: -20, shortfall: 10 });
    expect(cappedDebit(0, 30)).toEqual({ delta: 0, shortfall: 30 });
    expect(Object.is(cappedDebit(0, 30).delta, 0)).toBe(true);
  });
});

describe('ledger refs', () => {
  it('spell the reason and the id', () => {
    expect(ledgerRef('order_earn', 'ORD123')).toBe('order_earn:ORD123');
    expect(ledgerRef('checkin', ['oAbC-12_x', '2026-11-22'])).toBe('checkin:oAbC-12_x:2026-11-22');
  });

  it('are the same for the same event and differ between reasons', () => {
    expect(ledgerRef('order_earn', 'A1')).toBe(ledgerRef('order_earn', ['A1']));
    expect(ledgerRef('order_earn', 'A1')).not.toBe(ledgerRef('order_spend', 'A1'));
  });

  it('refuse ids that could make two events collide', () => {
    for (const bad of ['', 'a:b', 'has space', 'x'.repeat(129)]) expect(() => ledgerRef('order_earn', bad)).toThrow(RangeError);
    expect(() => ledgerRef('order_earn', [])).toThrow(RangeError);
    expect(() => ledgerRef('bonus' as LedgerReason, 'A1')).toThrow(RangeError);
  });

  it('never give two different events the same ref, and read back to the event', () => {
    const part = fc.stringMatching(/^[A-Za-z0-9_.-]{1,12}$/);
    const event = fc.record({ reason: fc.constantFrom(...LEDGER_REASONS), parts: fc.array(part, { minLength: 1, maxLength: 3 }) });
    fc.assert(
      fc.property(event, event, (a, b) => {
        const same = a.reason === b.reason && a.parts.join('\u0000') === b.parts.join('\u0000');
        expect(ledgerRef(a.reason, a.parts) === ledgerRef(b.reason, b.parts)).toBe(same);
        expect(parseLedgerRef(ledgerRef(a.reason, a.parts))).toEqual(a);
      }),
    );
  });

  it('parse nothing from a malformed ref', () => {
    expect(parseLedgerRef('bonus:1')).toBeNull();
    expect(parseLedgerRef('order_earn')).toBeNull();
    expect(parseLedgerRef('order_earn::x')).toBeNull();
  });
});

describe('makeEntry', () => {
  const base = { openid: 'o1', at: AT };

  it('fills the ref and the balance after', () => {
    expect(makeEntry({ ...base, reason: 'order_earn', id: 'ORD1', delta: 150, balance: 20 })).toEqual({
      openid: 'o1',
      delta: 150,
      reason: 'order_earn',
      ref: 'order_earn:ORD1',
      balanceAfter: 170,
      createdAt: AT,
    });
  });

  it('refuses a spend the balance cannot cover', () => {
    expect(() => makeEntry({ ...base, reason: 'redeem_coupon', id: ['o1', 'req9'], delta: -500, balance: 499 })).toThrow(
      expect.objectContaining({ code: 'INSUFFICIENT_POINTS' }),
    );
  });

  it('refuses a sign that does not fit the reason, and empty entries', () => {
    expect(() => makeEntry({ ...base, reason: 'order_spend', id: 'ORD1', delta: 100, balance: 0 })).toThrow(RangeError);
    expect(() => makeEntry({ ...base, reason: 'checkin', id: ['o1', '2026-11-22'], delta: -5, balance: 10 })).toThrow(RangeError);
    expect(() => makeEntry({ ...base, reason: 'order_earn', id: 'ORD1', delta: 0, balance: 10 })).toThrow(RangeError);
  });

  it('lets admin adjust either way, but only with a reason written down', () => {
    expect(makeEntry({ ...base, reason: 'admin', id: 'ADJ1', delta: -30, balance: 50, note: ' 重复发放 ' })).toMatchObject({
      balanceAfter: 20,
      note: '重复发放',
    });
    expect(thrown(() => makeEntry({ ...base, reason: 'admin', id: 'ADJ2', delta: 30, balance: 50, note: '  ' }))).toBeInstanceOf(ValidationError);
  });
});

describe('labels and history', () => {
  it('names every reason in Chinese', () => {
    for (const reason of LEDGER_REASONS) expect(reasonLabel(reason)).toMatch(/[\u4e00-\u9fff]/);
    expect(reasonLabel('checkin')).toBe('每日签到');
    expect(reasonLabel('order_earn')).toBe('购物奖励');
    expect(reasonLabel('redeem_coupon')).toBe('兑换优惠券');
  });

  it('shows credits with a plus and debits with a minus', () => {
    const earn = makeEntry({ openid: 'o1', reason: 'checkin', id: ['o1', '2026-11-22'], delta: 5, balance: 0, at: AT });
    const spend = makeEntry({ openid: 'o1', reason: 'order_spend', id: 'ORD1', delta: -3, balance: 5, at: AT });
    expect(historyLine(earn)).toEqual({ title: '每日签到', amount: '+5', balanceAfter: 5, at: AT });
    expect(historyLine(spend).amount).toBe('-3');
  });
});

describe('reconcileLedger', () => {
  const entry = (ref: string, delta: number, balanceAfter: number): LedgerEntry => ({
    openid: 'o1',
    reason: 'admin',
    ref,
    delta,
    balanceAfter,
    createdAt: AT,
  });

  it('accepts a consistent history', () => {
    expect(reconcileLedger([entry('admin:1', 10, 10), entry('admin:2', -4, 6)])).toEqual({ balance: 6, problems: [] });
  });

  it('reports wrong balances, repeated refs and negative balances', () => {
    const { balance, problems } = reconcileLedger([entry('admin:1', 10, 10), entry('admin:1', 10, 25), entry('admin:3', -30, -10)]);
    expect(balance).toBe(-10);
    expect(problems).toEqual([
      '#2 admin:1: ref used twice',
      '#2 admin:1: balanceAfter 25, replay gives 20',
      '#3 admin:3: balance went negative (-10)',
    ]);
  });
});
