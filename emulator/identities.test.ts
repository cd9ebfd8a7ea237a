import { adminCall } from './testing';
import { createEmulator, type Emulator } from './server';
import path from 'path';

let emulator: Emulator;

beforeAll(async () => {
  emulator = await createEmulator({
    port: 0,
    functionsDir: path.join(__dirname, 'runtime', '__fixtures__', 'functions'),
    timers: 'manual',
    seed: async () => ({
      stores: [{ _id: 'store-a', name: '静安嘉里中心店' }],
      users: [
        { _id: 'o_b', nickName: '林小姐', tier: 'gold', status: 'active' },
        { _id: 'o_a', nickName: '新朋友', tier: 'normal', status: 'active' },
        { _id: 'o_gone', nickName: '已注销', status: 'deleted' },
      ],
      staff: [
        { _id: 's1', openid: 'o_clerk', storeId: 'store-a', name: '王小雨', active: true },
        { _id: 's2', openid: 'o_left', storeId: 'store-a', name: '离职', active: false },
      ],
      managers: [{ _id: 'm1', openid: 'o_boss', name: '陈经理', active: true }],
    }),
  });
});

afterAll(() => emulator.close());

describe('GET /api/_emulator/identities', () => {
  it('lists shoppers, active staff with their store and managers, for the H5 identity switcher', async () => {
    const reply = await adminCall(emulator, 'GET', '/identities');
    expect(reply.status).toBe(200);
    expect(reply.body.identities).toEqual([
      { openid: 'o_a', role: 'consumer', label: '顾客 新朋友（普通）' },
      { openid: 'o_b', role: 'consumer', label: '顾客 林小姐（金卡）' },
      { openid: 'o_clerk', role: 'staff', label: '店员 王小雨 · 静安嘉里中心店' },
      { openid: 'o_boss', role: 'manager', label: '运营 陈经理' },
    ]);
  });
});
