import { startLocalCloud, type LocalCloud } from '../support/local-cloud';

type LoginReply = {
  ok: boolean;
  code?: string;
  data: { openid: string; roles: string[]; staff: { storeId: string; name: string } | null; profile: { nickName: string; tier: string; points: number }; isNew: boolean };
};

let cloud: LocalCloud;

beforeAll(async () => {
  cloud = await startLocalCloud({
    seed: async () => ({
      staff: [{ _id: 'staff-1', openid: 'o_clerk', storeId: 'store-sh-jingan', name: '王小雨', active: true }],
      managers: [
        { _id: 'mgr-1', openid: 'o_boss', name: '陈经理', active: true },
        { _id: 'mgr-2', openid: 'o_former_boss', name: '前经理', active: false },
      ],
    }),
  });
});

afterAll(() => cloud.close());

describe('user.login through the local CloudBase', () => {
  it('creates a new user on the first call and returns the caller openid', async () => {
    const first = await cloud.call<LoginReply>('user', { action: 'login' }, 'someone');
    expect(first.ok).toBe(true);
    expect(first.data).toMatchObject({ openid: 'someone', roles: ['consumer'], staff: null, isNew: true });
    expect(first.data.profile).toMatchObject({ tier: 'normal', points: 0 });

    const again = await cloud.call<LoginReply>('user', { action: 'login' }, 'someone');
    expect(again.data.isNew).toBe(false);
    expect(cloud.emulator.db.find('users', { openid: 'someone' })).toHaveLength(1);
  });

  it('takes roles from the database, never from the request', async () => {
    const clerk = await cloud.call<LoginReply>('user', { action: 'login', roles: ['manager'] }, 'o_clerk');
    expect(clerk.data.roles).toEqual(['consumer', 'staff']);
    expect(clerk.data.staff).toEqual({ storeId: 'store-sh-jingan', name: '王小雨' });

    const boss = await cloud.call<LoginReply>('user', { action: 'login' }, 'o_boss');
    expect(boss.data.roles).toEqual(['consumer', 'manager']);

    const former = await cloud.call<LoginReply>('user', { action: 'login' }, 'o_former_boss');
    expect(former.data.roles).toEqual(['consumer']);
  });

  it('makes one user when the same person logs in from many places at once', async () => {
    const replies = await Promise.all(Array.from({ length: 12 }, () => cloud.call<LoginReply>('user', { action: 'login' }, 'o_racer')));
    expect(replies.every((r) => r.ok && r.data.openid === 'o_racer')).toBe(true);
    expect(cloud.emulator.db.find('users', { openid: 'o_racer' })).toHaveLength(1);
  });

  it('gives each concurrent caller their own identity', async () => {
    const ids = Array.from({ length: 20 }, (_, i) => `o_parallel_${i}`);
    const replies = await Promise.all(ids.map((id) => cloud.call<LoginReply>('user', { action: 'login' }, id)));
    expect(replies.map((r) => r.data.openid)).toEqual(ids);
  });

  it('refuses an unknown action and a caller without an identity with clear codes', async () => {
    expect(await cloud.call('user', { action: 'becomeManager' }, 'someone')).toEqual({ ok: false, code: 'UNKNOWN_ACTION', message: '不支持的操作' });
    expect(await cloud.call('user', { action: 'login' })).toEqual({ ok: false, code: 'UNAUTHENTICATED', message: '请先登录' });
  });
});
