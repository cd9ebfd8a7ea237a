import { AppError } from '../reply';
import { CLIENT_EVENT_TYPES, EVENT_BATCH_LIMITS, EVENT_TYPES, SERVER_EVENT_TYPES, parseClientEventBatch } from './events';

const now = Date.parse('2026-05-20T04:00:00Z');
const ev = (over: Record<string, unknown> = {}) => ({
  id: 'evt-0001',
  type: 'product_view',
  at: now - 60_000,
  payload: { productId: 'p-1' },
  ...over,
});
const messageOf = (fn: () => unknown): string => {
  try {
    fn();
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('expected a failure');
};

describe('behaviour event batches from the client', () => {
  it('knows the eight event types, and lets the client send all but order and pay', () => {
    expect([...EVENT_TYPES].sort()).toEqual(
      ['add_to_cart', 'campaign_visit', 'checkin', 'order', 'page_view', 'pay', 'product_view', 'share'].sort(),
    );
    expect([...CLIENT_EVENT_TYPES, ...SERVER_EVENT_TYPES].sort()).toEqual([...EVENT_TYPES].sort());
  });

  it('accepts one event of every client type with its payload, dropping unknown fields', () => {
    const batch = [
      ev({ id: 'evt-a0001', type: 'page_view', payload: { path: 'pages/home/index', openid: 'forged' } }),
      ev({ id: 'evt-a0002', type: 'product_view', payload: { productId: 'p-9' } }),
      ev({ id: 'evt-a0003', type: 'add_to_cart', payload: { productId: 'p-9', skuId: 's-1', quantity: 2 } }),
      ev({ id: 'evt-a0004', type: 'share', payload: { path: 'packages/product/detail/index', channel: 'timeline', productId: 'p-9' } }),
      ev({ id: 'evt-a0005', type: 'checkin' }),
      ev({ id: 'evt-a0006', type: 'campaign_visit', payload: { campaignId: 'c-1', path: 'pages/home/index' } }),
    ];
    const { events, dropped } = parseClientEventBatch(batch, now);
    expect(dropped).toEqual({ stale: 0, future: 0, duplicate: 0 });
    expect(events.map((e) => e.type)).toEqual(['page_view', 'product_view', 'add_to_cart', 'share', 'checkin', 'campaign_visit']);
    expect(events[0].payload).toEqual({ path: 'pages/home/index' });
    expect(events[2].payload).toEqual({ productId: 'p-9', skuId: 's-1', quantity: 2 });
    expect(events[4].payload).toEqual({});
  });

  it('refuses order and pay from a client: the server records those itself', () => {
    const attempt = () => parseClientEventBatch([ev({ type: 'pay', payload: { orderId: 'o-1', amount: 100 } })], now);
    expect(attempt).toThrow(AppError);
    expect(messageOf(attempt)).toBe('第1个事件：事件类型不在可选范围内');
  });

  it('names the event and the field when a payload is wrong', () => {
    const batch = [ev(), ev({ id: 'evt-0002', type: 'add_to_cart', payload: { productId: 'p-1', skuId: 's-1', quantity: 0 } })];
    expect(messageOf(() => parseClientEventBatch(batch, now))).toBe('第2个事件：数量不能小于1');
    expect(messageOf(() => parseClientEventBatch([ev({ payload: {} })], now))).toBe('第1个事件：商品应为文本');
    expect(messageOf(() => parseClientEventBatch([ev({ at: 'yesterday' })], now))).toBe('第1个事件：事件时间应为整数');
    expect(messageOf(() => parseClientEventBatch([ev({ payload: { productId: 'p 1; drop' } })], now))).toBe('第1个事件：商品格式不正确');
    expect(messageOf(() => parseClientEventBatch(['x'], now))).toBe('第1个事件：格式不正确');
  });

  it('refuses a batch that is not a list, is empty, or is over the size limit', () => {
    expect(messageOf(() => parseClientEventBatch({ events: [] }, now))).toBe('事件应为列表');
    expect(messageOf(() => parseClientEventBatch([], now))).toBe('事件不能为空');
    const full = Array.from({ length: 50 }, (_, i) => ev({ id: `evt-${String(i).padStart(5, '0')}` }));
    expect(EVENT_BATCH_LIMITS.maxEvents).toBe(50);
    expect(parseClientEventBatch(full, now).events).toHaveLength(50);
    expect(messageOf(() => parseClientEventBatch([...full, ev({ id: 'evt-extra' })], now))).toBe('事件不能超过50项');
  });

  it('drops events older than seven days or more than five minutes ahead, keeping the rest', () => {
    const week = 7 * 24 * 3600 * 1000;
    const batch = [
      ev({ id: 'evt-edge-old', at: now - week }),
      ev({ id: 'evt-too-old', at: now - week - 1 }),
      ev({ id: 'evt-edge-new', at: now + 5 * 60_000 }),
      ev({ id: 'evt-too-new', at: now + 5 * 60_000 + 1 }),
    ];
    const { events, dropped } = parseClientEventBatch(batch, now);
    expect(events.map((e) => e.id)).toEqual(['evt-edge-old', 'evt-edge-new']);
    expect(dropped).toEqual({ stale: 1, future: 1, duplicate: 0 });
  });

  it('keeps one copy of an event repeated in a batch', () => {
    const { events, dropped } = parseClientEventBatch([ev(), ev(), ev({ id: 'evt-0002' })], now);
    expect(events.map((e) => e.id)).toEqual(['evt-0001', 'evt-0002']);
    expect(dropped.duplicate).toBe(1);
  });

  it('asks for an event id long enough to be unique per user', () => {
    expect(messageOf(() => parseClientEventBatch([ev({ id: 'e1' })], now))).toBe('第1个事件：事件编号至少需要8个字');
  });
});
