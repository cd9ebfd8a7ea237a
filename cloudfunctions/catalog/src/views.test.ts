import { escapeRegExp, memberPrice, purchaseWindow } from './views';

describe('memberPrice', () => {
  it('takes off the floored tier share, as checkout does, so the preview never promises more', () => {
    expect(memberPrice(19900, 'gold')).toBe(18905);
    // 9.5折 of ¥0.99 is ¥0.9405: the share off floors to 4 fen, the member pays 95.
    expect(memberPrice(99, 'gold')).toBe(95);
    expect(memberPrice(12345, 'normal')).toBe(12345);
  });
});

describe('purchaseWindow', () => {
  // 2026-01-01 10:00 in Shanghai.
  const now = new Date('2026-01-01T02:00:00Z');
  const launchAt = new Date('2026-01-01T12:00:00Z'); // 20:00 Shanghai

  it("tells others the public opening in Shanghai time, with the priority tier's name", () => {
    expect(purchaseWindow({ launchAt, priorityPurchase: true }, 'normal', now)).toEqual({ canBuy: false, opensAt: launchAt.toISOString(), early: false, text: '金卡会员优先购 · 20:00 开抢' });
  });

  it('gives a gold member their own opening, two hours earlier', () => {
    const gold = purchaseWindow({ launchAt, priorityPurchase: true }, 'gold', now);
    expect(gold).toMatchObject({ canBuy: false, text: '金卡会员优先购 · 18:00 开抢' });
    const inWindow = purchaseWindow({ launchAt, priorityPurchase: true }, 'gold', new Date('2026-01-01T10:30:00Z'));
    expect(inWindow).toEqual({ canBuy: true, early: true, opensAt: '2026-01-01T10:00:00.000Z', text: '金卡会员优先购中 · 20:00 全员开售' });
  });

  it('says a launch without priority is simply coming, and nothing once open', () => {
    expect(purchaseWindow({ launchAt, priorityPurchase: false }, 'diamond', now).text).toBe('即将开售 · 20:00 开抢');
    expect(purchaseWindow({ launchAt, priorityPurchase: true }, 'normal', launchAt)).toMatchObject({ canBuy: true, text: null });
  });
});

describe('escapeRegExp', () => {
  it('makes every pattern character literal', () => {
    const text = 'a+b (c) [d] *.?^$|\\';
    expect(new RegExp(escapeRegExp(text)).test(`x${text}y`)).toBe(true);
    expect(new RegExp(escapeRegExp('.*')).test('anything')).toBe(false);
  });
});
