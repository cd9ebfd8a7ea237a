import type { AppError } from '../reply';
import { ValidationError } from '../validate';
import { flashSaleItemId, parseFlashSale } from './sale';

const priceOf = (skuId: string) => ({ 'tee-m': 19_900, 'coat-s': 129_900 })[skuId];
const start = Date.UTC(2026, 11, 1, 12, 0);
const valid = {
  id: 'fs-1201',
  title: '双十二预热秒杀',
  startsAt: start,
  endsAt: start + 2 * 3_600_000,
  items: [
    { skuId: 'tee-m', salePrice: 9_900, stock: 500, perUserLimit: 2 },
    { skuId: 'coat-s', salePrice: 69_900, stock: 50, perUserLimit: 1 },
  ],
};
const messageOf = (input: unknown) => {
  try {
    parseFlashSale(input, priceOf);
  } catch (e) {
    expect(e).toBeInstanceOf(ValidationError);
    expect((e as AppError).code).toBe('INVALID_INPUT');
    return (e as Error).message;
  }
  throw new Error('expected the sale to be refused');
};

describe('flash-sale config', () => {
  it('accepts a sound sale, keys each item by sale and SKU, and takes normal prices from the catalogue', () => {
    const sale = parseFlashSale(valid, priceOf);
    expect(sale.items).toEqual([
      { id: 'fs-1201:tee-m', skuId: 'tee-m', normalPrice: 19_900, salePrice: 9_900, stock: 500, perUserLimit: 2 },
      { id: 'fs-1201:coat-s', skuId: 'coat-s', normalPrice: 129_900, salePrice: 69_900, stock: 50, perUserLimit: 1 },
    ]);
    expect(flashSaleItemId('fs-1201', 'tee-m')).toBe('fs-1201:tee-m');
  });

  it('requires the sale price below the normal price', () => {
    expect(messageOf({ ...valid, items: [{ ...valid.items[0], salePrice: 19_900 }] })).toBe('第1个秒杀商品的秒杀价应低于原价¥199.00');
  });

  it('requires a window that ends after it starts and lasts at most a week', () => {
    expect(messageOf({ ...valid, endsAt: start })).toBe('结束时间应晚于开始时间');
    expect(messageOf({ ...valid, endsAt: start + 8 * 24 * 3_600_000 })).toBe('秒杀时长不能超过7天');
  });

  it('bounds stock and per-user limit, and refuses unknown or repeated SKUs', () => {
    expect(messageOf({ ...valid, items: [{ ...valid.items[0], stock: 0 }] })).toBe('秒杀库存不能小于1');
    expect(messageOf({ ...valid, items: [{ ...valid.items[0], perUserLimit: 0 }] })).toBe('每人限购不能小于1');
    expect(messageOf({ ...valid, items: [{ ...valid.items[0], skuId: 'ghost' }] })).toBe('第1个秒杀商品不存在或已下架');
    expect(messageOf({ ...valid, items: [valid.items[0], valid.items[0]] })).toBe('第2个秒杀商品重复了');
  });
});
