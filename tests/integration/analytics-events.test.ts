/**
 * Behaviour events through the local CloudBase: a good batch is stored under `<openid>:<id>`, a
 * malformed one is refused whole with a Chinese message, a re-sent batch is stored once, and the
 * per-user token bucket holds under concurrent batches.
 */
import { startLocalCloud, type LocalCloud } from '../support/local-cloud';

type Reply<T = Record<string, unknown>> = { ok: true; data: T } | { ok: false; code: string; message: string };
interface TrackData {
  stored: number;
  repeated: number;
  dropped: { stale: number; future: number; duplicate: number };
}

jest.setTimeout(90_000);

let cloud: LocalCloud;
const HOUR = 3_600_000;

beforeAll(async () => {
  // A bucket with 3 tokens whose refill mark lies ahead: nothing comes back during the test.
  const later = Date.now() + 24 * HOUR;
  cloud = await startLocalCloud({
    seed: async () => ({ rate_limits: [{ _id: 'o_busy:events', tokens: 3, refilledAt: later }] }),
  });
});
afterAll(() => cloud.close());

const now = () => cloud.emulator.clock.now();
const track = (events: unknown, openid = 'o_shopper') => cloud.call<Reply<TrackData>>('analytics', { action: 'track', events }, openid);
const view = (id: string, at = now()) => ({ id, type: 'page_view', at, payload: { path: 'pages/home/index' } });
const stored = (openid: string) => cloud.emulator.db.find('events', { openid }) as { _id: string; type: string; at: Date; payload: Record<string, unknown> }[];

test('a batch of client events is stored once each, keyed by the caller and the event id', async () => {
  const at = now() - 60_000;
  const reply = await track(
    [
      view('evt-home-0001', at),
      { id: 'evt-prod-0001', type: 'product_view', at, payload: { productId: 'p001' } },
      { id: 'evt-cart-0001', type: 'add_to_cart', at, payload: { productId: 'p001', skuId: 'p001-m', quantity: 2 } },
      { id: 'evt-share-001', type: 'share', at, payload: { path: 'packages/product/index/index', channel: 'chat', productId: 'p001' } },
      { id: 'evt-check-001', type: 'checkin', at },
      { id: 'evt-cmp-00001', type: 'campaign_visit', at, payload: { campaignId: 'cmp-summer', path: 'pages/home/index' } },
    ],
    'o_writer',
  );
  expect(reply).toEqual({ ok: true, data: { stored: 6, repeated: 0, dropped: { stale: 0, future: 0, duplicate: 0 } } });
  const docs = stored('o_writer');
  expect(docs.map((d) => d._id).sort()).toEqual(
    ['evt-cart-0001', 'evt-check-001', 'evt-cmp-00001', 'evt-home-0001', 'evt-prod-0001', 'evt-share-001'].map((id) => `o_writer:${id}`),
  );
  const cart = docs.find((d) => d.type === 'add_to_cart')!;
  expect(cart.payload).toEqual({ productId: 'p001', skuId: 'p001-m', quantity: 2 });
  expect(new Date(cart.at).getTime()).toBe(at);
});

test('a batch sent again after a lost reply is stored once', async () => {
  const batch = [view('evt-retry-001'), view('evt-retry-002')];
  const first = await track(batch, 'o_retry');
  const again = await track(batch, 'o_retry');
  expect(first).toMatchObject({ ok: true, data: { stored: 2, repeated: 0 } });
  expect(again).toMatchObject({ ok: true, data: { stored: 0, repeated: 2 } });
  expect(stored('o_retry')).toHaveLength(2);
});

test('a malformed batch is refused whole, naming the event in Chinese', async () => {
  const good = view('evt-good-0001');
  const cases: [unknown, string][] = [
    [[good, { id: 'evt-pay-00001', type: 'pay', at: now(), payload: { orderId: 'O1', amount: 100 } }], '第2个事件：事件类型不在可选范围内'],
    [[good, { id: 'evt-ord-00001', type: 'order', at: now(), payload: { orderId: 'O1' } }], '第2个事件：事件类型不在可选范围内'],
    [[{ id: 'evt-cart-0009', type: 'add_to_cart', at: now(), payload: { productId: 'p001', skuId: 's', quantity: 0 } }], '第1个事件：数量不能小于1'],
    [[{ id: 'short', type: 'page_view', at: now(), payload: { path: 'pages/home/index' } }], '第1个事件：事件编号至少需要8个字'],
    [[{ id: 'evt-path-0001', type: 'page_view', at: now(), payload: { path: 'pages/home/index?x=1' } }], '第1个事件：页面路径格式不正确'],
    [[], '事件不能为空'],
    ['not a list', '事件应为列表'],
    [Array.from({ length: 51 }, (_, i) => view(`evt-many-${String(i).padStart(4, '0')}`)), '事件不能超过50项'],
  ];
  for (const [events, message] of cases) {
    expect(await track(events, 'o_bad')).toEqual({ ok: false, code: 'INVALID_INPUT', message });
  }
  expect(stored('o_bad')).toHaveLength(0);
});

test('old, future and repeated events are dropped and counted; the rest is kept', async () => {
  const reply = await track(
    [view('evt-keep-0001'), view('evt-old-00001', now() - 8 * 24 * HOUR), view('evt-late-0001', now() + HOUR), view('evt-keep-0001')],
    'o_mixed',
  );
  expect(reply).toEqual({ ok: true, data: { stored: 1, repeated: 0, dropped: { stale: 1, future: 1, duplicate: 1 } } });
});

test('a caller without an identity is refused', async () => {
  expect(await track([view('evt-anon-0001')], '')).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });
});

test('concurrent batches share one token bucket: exactly the tokens left are spent', async () => {
  const replies = await Promise.all(Array.from({ length: 8 }, (_, i) => track([view(`evt-busy-${String(i).padStart(4, '0')}`)], 'o_busy')));
  const accepted = replies.filter((r) => r.ok);
  const refused = replies.filter((r): r is Extract<Reply<TrackData>, { ok: false }> => !r.ok);
  expect(accepted).toHaveLength(3);
  expect(refused).toHaveLength(5);
  for (const r of refused) {
    expect(r.code).toBe('RATE_LIMITED');
    expect(r.message).toMatch(/^事件上报太频繁/);
  }
  expect(stored('o_busy')).toHaveLength(3);
  expect(cloud.emulator.db.find('rate_limits', { _id: 'o_busy:events' })[0]).toMatchObject({ tokens: 0 });
});

test('a fresh user may burst 10 batches, then waits 6 s for the next token', async () => {
  for (let i = 0; i < 10; i += 1) {
    expect(await track([view(`evt-burst-${String(i).padStart(4, '0')}`)], 'o_burst')).toMatchObject({ ok: true });
  }
  expect(await track([view('evt-burst-0010')], 'o_burst')).toMatchObject({ ok: false, code: 'RATE_LIMITED' });
  await cloud.emulator.advanceClock(6_000);
  expect(await track([view('evt-burst-after')], 'o_burst')).toMatchObject({ ok: true, data: { stored: 1 } });
});
