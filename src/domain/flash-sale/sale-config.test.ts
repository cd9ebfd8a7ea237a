import fc from 'fast-check';
import type { AppError } from '../reply';
import { ValidationError } from '../validate';
import type { FlashSale } from './sale';
import { MAX_PER_USER_LIMIT, START_GRACE_MS, buyableWindow, checkSaleConfig, findSkuConflict, windowsOverlap } from './sale-config';

const H = 3_600_000;
const now = Date.UTC(2026, 11, 1, 2, 0);
const sale: FlashSale = {
  id: 'fs-new',
  title: '周末秒杀',
  startsAt: now + 10 * H,
  endsAt: now + 12 * H,
  items: [
    { id: 'fs-new:tee-m', skuId: 'tee-m', normalPrice: 19_900, salePrice: 9_900, stock: 20, perUserLimit: 2 },
    { id: 'fs-new:coat-s', skuId: 'coat-s', normalPrice: 129_900, salePrice: 69_900, stock: 5, perUserLimit: 1 },
  ],
};
const stockOf = (skuId: string) => ({ 'tee-m': 30, 'coat-s': 5 })[skuId];

const messageOf = (candidate: FlashSale, at = now) => {
  try {
    checkSaleConfig(candidate, { now: at, skuStock: stockOf });
  } catch (e) {
    expect(e).toBeInstanceOf(ValidationError);
    expect((e as AppError).code).toBe('INVALID_INPUT');
    return (e as Error).message;
  }
  return null;
};
const withItem = (patch: Partial<FlashSale['items'][number]>, index = 0): FlashSale => ({ ...sale, items: sale.items.map((it, i) => (i === index ? { ...it, ...patch } : it)) });

describe('what a manager may save as a flash sale', () => {
  it('accepts a sale in the future within the SKUs’ stock and the limit', () => {
    expect(messageOf(sale)).toBeNull();
    expect(messageOf(withItem({ perUserLimit: MAX_PER_USER_LIMIT }))).toBeNull();
  });

  it('refuses an end in the past, and a start more than a few minutes ago', () => {
    expect(messageOf({ ...sale, startsAt: now - 3 * H, endsAt: now - H })).toBe('结束时间应晚于现在');
    expect(messageOf({ ...sale, startsAt: now - START_GRACE_MS - 1, endsAt: now + H })).toBe('开始时间不能早于现在');
    // A form filled in a moment ago still starts "now".
    expect(messageOf({ ...sale, startsAt: now - 60_000, endsAt: now + H })).toBeNull();
  });

  it('keeps the per-user limit a handful and the stock within what the SKU has', () => {
    expect(messageOf(withItem({ perUserLimit: 11 }))).toBe('第1个秒杀商品的每人限购不能大于10');
    expect(messageOf(withItem({ stock: 31 }))).toBe('第1个秒杀商品的秒杀库存不能超过现有库存30件');
    expect(messageOf(withItem({ stock: 6 }, 1))).toBe('第2个秒杀商品的秒杀库存不能超过现有库存5件');
    expect(messageOf(withItem({ skuId: 'gone', stock: 1 }))).toBe('第1个秒杀商品的秒杀库存超出现有库存（已无库存）');
  });
});

describe('a SKU in two sales at once', () => {
  const other = { id: 'fs-old', title: '早场秒杀', startsAt: now + 8 * H, endsAt: now + 9 * H, items: [{ skuId: 'coat-s' }] };

  it('counts the priority window: gold and diamond buy up to 4 hours before the start', () => {
    expect(buyableWindow(sale)).toEqual({ from: sale.startsAt - 4 * H, to: sale.endsAt });
    expect(findSkuConflict(sale, [other])).toEqual({ skuId: 'coat-s', other });
  });

  it('allows the same SKU in sales whose windows do not meet, and other SKUs in any window', () => {
    expect(findSkuConflict(sale, [{ ...other, startsAt: now + 2 * H, endsAt: now + 6 * H }])).toBeNull();
    expect(findSkuConflict(sale, [{ ...other, items: [{ skuId: 'jeans-m' }] }])).toBeNull();
    expect(findSkuConflict(sale, [{ ...sale }])).toBeNull();
  });

  const window = fc.record({ from: fc.integer({ min: 0, max: 1000 }), len: fc.integer({ min: 1, max: 500 }) }).map(({ from, len }) => ({ from, to: from + len }));

  it('overlap is symmetric, and true exactly when some instant lies in both windows', () => {
    fc.assert(
      fc.property(window, window, (a, b) => {
        expect(windowsOverlap(a, b)).toBe(windowsOverlap(b, a));
        const shared = Math.max(a.from, b.from);
        expect(windowsOverlap(a, b)).toBe(shared < a.to && shared < b.to);
      }),
    );
  });
});
