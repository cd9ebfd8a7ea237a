import { AppError } from '../reply';
import { ValidationError } from '../validate';
import { activityStatus, groupSaving, parseGroupBuyActivity } from './activity';

const catalogue: Record<string, number> = { 'tee-white-m': 19_900, 'tee-black-l': 19_900, 'coat-grey-s': 129_900 };
const priceOf = (skuId: string) => catalogue[skuId];
const start = Date.UTC(2026, 11, 1, 2, 0);
const end = Date.UTC(2026, 11, 8, 2, 0);

const valid = {
  id: 'gb-2612',
  title: '冬季T恤两人团',
  skus: [
    { skuId: 'tee-white-m', groupPrice: 12_900, stock: 300 },
    { skuId: 'tee-black-l', groupPrice: 12_900, stock: 200 },
  ],
  groupSize: 2,
  timeLimitMinutes: 24 * 60,
  perUserLimit: 2,
  startsAt: start,
  endsAt: end,
};

const messageOf = (input: unknown) => {
  try {
    parseGroupBuyActivity(input, priceOf);
  } catch (e) {
    expect(e).toBeInstanceOf(ValidationError);
    expect((e as AppError).code).toBe('INVALID_INPUT');
    return (e as Error).message;
  }
  throw new Error('expected the config to be refused');
};

describe('group-buy activity config', () => {
  it('accepts a sound config and takes normal prices from the catalogue, not the request', () => {
    const activity = parseGroupBuyActivity({ ...valid, skus: [{ ...valid.skus[0], normalPrice: 99_999_900 }] }, priceOf);
    expect(activity.skus).toEqual([{ skuId: 'tee-white-m', normalPrice: 19_900, groupPrice: 12_900, stock: 300 }]);
    expect(activity.groupSize).toBe(2);
    expect(groupSaving(activity.skus[0])).toBe(7_000);
  });

  it('requires the group price below the normal price', () => {
    expect(messageOf({ ...valid, skus: [{ skuId: 'tee-white-m', groupPrice: 19_900, stock: 1 }] })).toBe('第1个商品规格的拼团价应低于原价¥199.00');
    expect(messageOf({ ...valid, skus: [valid.skus[0], { skuId: 'coat-grey-s', groupPrice: 130_000, stock: 1 }] })).toBe(
      '第2个商品规格的拼团价应低于原价¥1299.00',
    );
    expect(messageOf({ ...valid, skus: [{ skuId: 'tee-white-m', groupPrice: 0, stock: 1 }] })).toBe('拼团价（分）不能小于1');
    expect(messageOf({ ...valid, skus: [{ skuId: 'tee-white-m', groupPrice: 129.9, stock: 1 }] })).toBe('拼团价（分）应为整数');
  });

  it('keeps the group size within 2..10', () => {
    expect(messageOf({ ...valid, groupSize: 1 })).toBe('成团人数不能小于2');
    expect(messageOf({ ...valid, groupSize: 11 })).toBe('成团人数不能大于10');
    expect(parseGroupBuyActivity({ ...valid, groupSize: 10 }, priceOf).groupSize).toBe(10);
  });

  it('bounds the time limit, the per-user limit and the stock', () => {
    expect(messageOf({ ...valid, timeLimitMinutes: 5 })).toBe('成团时限（分钟）不能小于10');
    expect(messageOf({ ...valid, timeLimitMinutes: 8 * 24 * 60 })).toBe('成团时限（分钟）不能大于10080');
    expect(messageOf({ ...valid, perUserLimit: 0 })).toBe('每人限购不能小于1');
    expect(messageOf({ ...valid, skus: [{ skuId: 'tee-white-m', groupPrice: 100, stock: 0 }] })).toBe('拼团库存不能小于1');
  });

  it('refuses unknown or repeated SKUs and an empty list', () => {
    expect(messageOf({ ...valid, skus: [{ skuId: 'ghost', groupPrice: 100, stock: 1 }] })).toBe('第1个商品规格不存在或已下架');
    expect(messageOf({ ...valid, skus: [valid.skus[0], valid.skus[0]] })).toBe('第2个商品规格重复了');
    expect(messageOf({ ...valid, skus: [] })).toBe('活动商品不能为空');
  });

  it('requires the end after the start', () => {
    expect(messageOf({ ...valid, endsAt: start })).toBe('结束时间应晚于开始时间');
    expect(messageOf({ ...valid, startsAt: 'tomorrow' })).toBe('开始时间应为整数');
  });

  it('is active from its start up to, not including, its end', () => {
    const a = parseGroupBuyActivity(valid, priceOf);
    expect(activityStatus(a, start - 1)).toBe('upcoming');
    expect(activityStatus(a, start)).toBe('active');
    expect(activityStatus(a, end - 1)).toBe('active');
    expect(activityStatus(a, end)).toBe('ended');
  });
});
