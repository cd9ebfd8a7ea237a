/**
 * The event batcher's flush rules with fake timers: 20 events go at once, fewer wait 10 s, a
 * failed batch is sent once more with the same event ids (and then dropped), a refused batch is
 * not retried, and tracking never throws whatever the network does.
 */
import type { Reply } from '@/domain/reply';
import { EventBatcher, routeOf, type QueuedEvent } from './analytics';

type Send = (events: QueuedEvent[]) => Promise<Reply<unknown>>;
const okReply: Reply<unknown> = { ok: true, data: {} };

function setup(send: Send = jest.fn(async () => okReply)) {
  const mock = jest.fn(send);
  const batcher = new EventBatcher({ send: mock, now: () => 1_700_000_000_000 });
  const view = (n = 1) => {
    for (let i = 0; i < n; i += 1) batcher.track('page_view', { path: 'pages/home/index' });
  };
  return { batcher, send: mock, view };
}

/** Lets the send promises and their follow-ups settle. */
const settle = async () => {
  for (let i = 0; i < 5; i += 1) await Promise.resolve();
};

beforeEach(() => jest.useFakeTimers());
afterEach(() => jest.useRealTimers());

test('20 waiting events are sent at once, as one batch', async () => {
  const { send, view } = setup();
  view(19);
  expect(send).not.toHaveBeenCalled();
  view(1);
  await settle();
  expect(send).toHaveBeenCalledTimes(1);
  const batch = send.mock.calls[0][0];
  expect(batch).toHaveLength(20);
  expect(batch[0]).toEqual({ id: expect.stringMatching(/^[A-Za-z0-9_-]{8,64}$/), type: 'page_view', at: 1_700_000_000_000, payload: { path: 'pages/home/index' } });
  expect(new Set(batch.map((e) => e.id)).size).toBe(20);
});

test('fewer events wait 10 s from the first one, then go together', async () => {
  const { send, view, batcher } = setup();
  view(3);
  jest.advanceTimersByTime(9_999);
  await settle();
  expect(send).not.toHaveBeenCalled();
  batcher.track('share', { path: 'packages/product/index/index', channel: 'chat', productId: 'p001' });
  jest.advanceTimersByTime(1);
  await settle();
  expect(send).toHaveBeenCalledTimes(1);
  expect(send.mock.calls[0][0].map((e) => e.type)).toEqual(['page_view', 'page_view', 'page_view', 'share']);
  expect(batcher.pending).toBe(0);
});

test('flush() (the app going to the background) sends what waits at once', async () => {
  const { send, view, batcher } = setup();
  view(2);
  await batcher.flush();
  expect(send).toHaveBeenCalledTimes(1);
  jest.advanceTimersByTime(10_000);
  await settle();
  expect(send).toHaveBeenCalledTimes(1);
});

test('a failed batch is sent once more with the same ids, then dropped', async () => {
  const { send, view, batcher } = setup(async () => ({ ok: false, code: 'NETWORK', message: '网络不太稳定' }));
  view(2);
  await batcher.flush();
  const first = send.mock.calls[0][0].map((e) => e.id);
  expect(batcher.pending).toBe(2);
  jest.advanceTimersByTime(10_000);
  await settle();
  expect(send).toHaveBeenCalledTimes(2);
  expect(send.mock.calls[1][0].map((e) => e.id)).toEqual(first);
  expect(batcher.pending).toBe(0);
  jest.advanceTimersByTime(60_000);
  await settle();
  expect(send).toHaveBeenCalledTimes(2);
});

test('the retry goes ahead of newer events, each in its own batch', async () => {
  let calls = 0;
  const { send, view, batcher } = setup(async () => (calls++ === 0 ? { ok: false, code: 'RATE_LIMITED', message: '' } : okReply));
  view(1);
  await batcher.flush();
  batcher.track('checkin', {});
  await batcher.flush();
  expect(send.mock.calls.map((c) => c[0].map((e) => e.type))).toEqual([['page_view'], ['page_view'], ['checkin']]);
  expect(send.mock.calls[1][0][0].id).toBe(send.mock.calls[0][0][0].id);
});

test('a batch the server refused as malformed is not sent again', async () => {
  const { send, view, batcher } = setup(async () => ({ ok: false, code: 'INVALID_INPUT', message: '第1个事件：页面路径格式不正确' }));
  view(1);
  await batcher.flush();
  jest.advanceTimersByTime(30_000);
  await settle();
  expect(send).toHaveBeenCalledTimes(1);
  expect(batcher.pending).toBe(0);
});

test('tracking never throws, even when sending does', async () => {
  const { view, batcher } = setup(async () => {
    throw new Error('offline');
  });
  expect(() => view(25)).not.toThrow();
  await expect(batcher.flush()).resolves.toBeUndefined();
});

test('at most 50 events a batch; beyond 200 waiting the oldest are dropped', async () => {
  const send = jest.fn(async () => okReply);
  const batcher = new EventBatcher({ send, flushAt: 1000 });
  for (let i = 0; i < 230; i += 1) batcher.track('page_view', { path: `pages/p${i}` });
  expect(batcher.pending).toBe(200);
  await batcher.flush();
  expect(send.mock.calls.map((c) => (c as unknown as [QueuedEvent[]])[0].length)).toEqual([50, 50, 50, 50]);
  expect((send.mock.calls[0] as unknown as [QueuedEvent[]])[0][0].payload).toEqual({ path: 'pages/p30' });
});

test('routes lose their query string and leading slash', () => {
  expect(routeOf('/packages/product/index/index?id=p1&campaignId=c1')).toBe('packages/product/index/index');
  expect(routeOf(undefined)).toBe('');
});
