import { checkoutLines, selectedTotal } from './cart';
import type { CartLine } from '@/services/cart';

const line = (over: Partial<CartLine>): CartLine => ({
  skuId: 's',
  productId: 'p',
  title: 'T恤',
  image: '',
  specText: '黑色 / M',
  unitPrice: 9900,
  listPrice: 12900,
  quantity: 1,
  stock: 10,
  selected: true,
  available: true,
  ...over,
});

describe('cart selection', () => {
  test('only selected, available lines are checked out and counted', () => {
    const items = [
      line({ skuId: 'a', quantity: 2 }),
      line({ skuId: 'b', selected: false }),
      line({ skuId: 'c', available: false, stock: 0 }),
      line({ skuId: 'd', unitPrice: 19999 }),
    ];
    expect(checkoutLines(items).map((i) => i.skuId)).toEqual(['a', 'd']);
    expect(selectedTotal(items)).toBe(2 * 9900 + 19999);
  });

  test('nothing selected costs nothing', () => {
    expect(selectedTotal([line({ selected: false })])).toBe(0);
  });
});
