/**
 * Subscribe-message credits and the marketing opt-out through the local CloudBase: one credit per
 * accepted template of ours, nothing for rejected or foreign ones, nothing more when the same
 * prompt is reported twice (even at once), and 一键退出 written on the user and on user_tags together.
 */
import { startLocalCloud, type LocalCloud } from '../support/local-cloud';

type Reply<T = Record<string, unknown>> = { ok: true; data: T } | { ok: false; code: string; message: string };

jest.setTimeout(90_000);

let cloud: LocalCloud;

const user = (id: string) => ({ _id: id, openid: id, nickName: id, tier: 'normal', points: 0, tags: [], marketingOptOut: false, marketingOptOutAt: null });

beforeAll(async () => {
  cloud = await startLocalCloud({
    seed: async () => ({
      settings: [
        {
          _id: 'subscribeTemplates',
          marketing: { id: 'TPL_MKT_0001', title: '活动上新提醒' },
          order_status: { id: 'TPL_ORD_0001', title: '订单状态通知' },
          restock: { id: 'TPL_RST_0001', title: '到货提醒' },
        },
      ],
      users: [user('o_sub'), user('o_twice'), user('o_quit'), user('o_untagged')],
      subscribe_credits: [{ _id: 'o_twice', openid: 'o_twice', credits: { TPL_MKT_0001: 2 }, updatedAt: new Date() }],
      user_tags: [{ _id: 'o_quit', openid: 'o_quit', tags: [], lifecycleTags: [], manualTags: [], interests: [], tier: 'normal', city: null, storeId: null, segment: null, rfm: null, marketingOptOut: false, computedAt: 0 }],
    }),
  });
});
afterAll(() => cloud.close());

const report = (openid: string, promptId: string, result: Record<string, string>) =>
  cloud.call<Reply<{ credited: string[]; repeated: boolean }>>('analytics', { action: 'subscribed', promptId, result }, openid);
const ledger = (openid: string) => (cloud.emulator.db.find('subscribe_credits', { _id: openid })[0] as { credits: Record<string, number> } | undefined)?.credits;

test('each accepted template of ours gives exactly one credit; rejected and unknown ones give none', async () => {
  const reply = await report('o_sub', 'prompt-0001', {
    errMsg: 'requestSubscribeMessage:ok',
    TPL_MKT_0001: 'accept',
    TPL_ORD_0001: 'accept',
    TPL_RST_0001: 'reject',
    TPL_NOT_OURS: 'accept',
  });
  expect(reply).toEqual({ ok: true, data: { credited: ['TPL_MKT_0001', 'TPL_ORD_0001'], repeated: false } });
  expect(ledger('o_sub')).toEqual({ TPL_MKT_0001: 1, TPL_ORD_0001: 1 });

  await report('o_sub', 'prompt-0002', { TPL_MKT_0001: 'accept', TPL_RST_0001: 'ban' });
  expect(ledger('o_sub')).toEqual({ TPL_MKT_0001: 2, TPL_ORD_0001: 1 });
});

test('a prompt reported again, even several times at once, is credited once', async () => {
  const result = { TPL_MKT_0001: 'accept', TPL_RST_0001: 'accept' };
  const replies = await Promise.all(Array.from({ length: 4 }, () => report('o_twice', 'prompt-dup-01', result)));
  expect(replies.every((r) => r.ok)).toBe(true);
  expect(replies.filter((r) => r.ok && !r.data.repeated)).toHaveLength(1);
  expect(ledger('o_twice')).toEqual({ TPL_MKT_0001: 3, TPL_RST_0001: 1 });
  expect(await report('o_twice', 'prompt-dup-01', result)).toEqual({ ok: true, data: { credited: [], repeated: true } });
  expect(ledger('o_twice')).toEqual({ TPL_MKT_0001: 3, TPL_RST_0001: 1 });
});

test('templates: the configured template id of each purpose', async () => {
  expect(await cloud.call('analytics', { action: 'templates' }, 'o_sub')).toEqual({ ok: true, data: { marketing: 'TPL_MKT_0001', order_status: 'TPL_ORD_0001', restock: 'TPL_RST_0001' } });
});

test('a report needs a prompt id and a result object', async () => {
  expect(await cloud.call('analytics', { action: 'subscribed', promptId: 'p1', result: {} }, 'o_sub')).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
  expect(await cloud.call('analytics', { action: 'subscribed', promptId: 'prompt-0009', result: 'accept' }, 'o_sub')).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
  expect(await cloud.call('analytics', { action: 'subscribed', promptId: 'prompt-0009', result: {} })).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });
});

test('一键退出营销消息: read, opt out (user and user_tags together), opt back in', async () => {
  const prefs = (openid: string, data: Record<string, unknown> = {}) =>
    cloud.call<Reply<{ marketingOptOut: boolean; marketingOptOutAt: string | null }>>('analytics', { action: 'preferences', ...data }, openid);
  expect(await prefs('o_quit')).toEqual({ ok: true, data: { marketingOptOut: false, marketingOptOutAt: null } });

  const out = await prefs('o_quit', { marketingOptOut: true });
  expect(out).toMatchObject({ ok: true, data: { marketingOptOut: true } });
  const stored = cloud.emulator.db.find('users', { _id: 'o_quit' })[0] as { marketingOptOut: boolean; marketingOptOutAt: Date | null };
  expect(stored.marketingOptOut).toBe(true);
  expect(new Date(stored.marketingOptOutAt as Date).getTime()).toBeGreaterThan(cloud.emulator.clock.now() - 60_000);
  expect(cloud.emulator.db.find('user_tags', { _id: 'o_quit' })[0]).toMatchObject({ marketingOptOut: true });
  expect(await prefs('o_quit')).toMatchObject({ ok: true, data: { marketingOptOut: true } });

  expect(await prefs('o_quit', { marketingOptOut: false })).toEqual({ ok: true, data: { marketingOptOut: false, marketingOptOutAt: null } });
  expect(cloud.emulator.db.find('user_tags', { _id: 'o_quit' })[0]).toMatchObject({ marketingOptOut: false });

  // Someone the tag job has not reached yet still opts out on the user record.
  expect(await prefs('o_untagged', { marketingOptOut: true })).toMatchObject({ ok: true, data: { marketingOptOut: true } });
  expect(cloud.emulator.db.find('users', { _id: 'o_untagged' })[0]).toMatchObject({ marketingOptOut: true });
  expect(await prefs('o_nobody', { marketingOptOut: true })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
  expect(await prefs('o_quit', { marketingOptOut: 'yes' })).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
});
