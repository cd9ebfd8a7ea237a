/**
 * Order events reach their subscribers: once each, right after the change, and again by the
 * dispatchEvents timer when a subscriber did not acknowledge. The subscriber here is a small
 * function beside the real orders and payment bundles; it is registered the way operations would
 * (settings `order_events.subscribers`) and records each call in audit_logs.
 */
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'fs';
import os from 'os';
import path from 'path';
import { adminCall } from '../../emulator/testing';
import { REPO_ROOT, startLocalCloud, type LocalCloud } from '../support/local-cloud';
import { MANAGER, address, baseSeed, requestId, sku, user, type Reply } from './fixtures/commerce';

jest.setTimeout(60_000);

const RECORDER = `
const cloud = require('wx-server-sdk');
cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV });
exports.main = async (data) => {
  const db = cloud.database();
  const id = data.event._id;
  const before = await db.collection('audit_logs').where({ action: 'recorder.call', 'target.id': id }).count();
  await db.collection('audit_logs').add({ data: { action: 'recorder.call', role: 'system', target: { collection: 'order_events', id }, detail: { type: data.event.type }, at: new Date() } });
  // The first delivery of a completion fails, as a subscriber that is briefly down would.
  return { ok: !(data.event.type === 'completed' && before.total === 0) };
};`;

let cloud: LocalCloud;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'weave-events-'));
  for (const name of ['orders', 'payment']) {
    mkdirSync(path.join(dir, name));
    for (const file of ['index.js', 'config.json', 'package.json']) copyFileSync(path.join(REPO_ROOT, 'cloudfunctions', name, file), path.join(dir, name, file));
  }
  mkdirSync(path.join(dir, 'recorder'));
  writeFileSync(path.join(dir, 'recorder', 'index.js'), RECORDER);
  writeFileSync(path.join(dir, 'recorder', 'config.json'), '{ "permissions": { "openapi": [] } }');
  cloud = await startLocalCloud({
    functionsDir: dir,
    seed: async () =>
      baseSeed({
        skus: [sku('tee-m', 'p-tee', 10000, 10)],
        users: [user('o_lin')],
        addresses: [address('addr-lin', 'o_lin')],
        settings: [{ _id: 'order_events', subscribers: ['recorder'], updatedAt: new Date() }],
      }),
  });
}, 60_000);

afterAll(async () => {
  await cloud?.close();
  rmSync(dir, { recursive: true, force: true });
});

const calls = () => cloud.emulator.db.find('audit_logs', { action: 'recorder.call' }).map((a) => (a as { target: { id: string } }).target.id);
const event = (id: string) => cloud.emulator.db.find('order_events', { _id: id })[0] as { pending: string[]; delivered: string[]; done: boolean };

it('delivers paid once despite repeated notifications, and retries a completion its subscriber missed', async () => {
  const orderId = (await cloud.call<Reply<{ orderId: string }>>('orders', { action: 'create', items: [{ skuId: 'tee-m', quantity: 1 }], delivery: 'express', requestId: requestId() }, 'o_lin')).data.orderId;
  const pay = await cloud.call<Reply<{ outTradeNo: string }>>('orders', { action: 'pay', orderId }, 'o_lin');
  await adminCall(cloud.emulator, 'POST', `/pay/${pay.data.outTradeNo}/confirm`);
  const payments = (await adminCall(cloud.emulator, 'GET', '/payments')).body;
  const note = payments.orders.find((o: { outTradeNo: string }) => o.outTradeNo === pay.data.outTradeNo).notification.event;
  for (let i = 0; i < 3; i += 1) await cloud.emulator.runtime.invoke('payment', note, { source: 'wx_paycallback' });

  expect(calls()).toEqual([`${orderId}:paid`]);
  expect(event(`${orderId}:paid`)).toMatchObject({ pending: [], delivered: ['recorder'], done: true });

  await cloud.call('orders', { action: 'ship', orderId, carrier: '顺丰速运', trackingNo: 'SF0000000001' }, MANAGER);
  await cloud.call('orders', { action: 'confirm', orderId }, 'o_lin');
  expect(event(`${orderId}:completed`)).toMatchObject({ pending: ['recorder'], done: false });

  await cloud.emulator.advanceClock(5 * 60_000);
  expect(event(`${orderId}:completed`)).toMatchObject({ pending: [], delivered: ['recorder'], done: true });
  expect(calls()).toEqual([`${orderId}:paid`, `${orderId}:completed`, `${orderId}:completed`]);

  await cloud.emulator.advanceClock(5 * 60_000);
  expect(calls()).toHaveLength(3);
});
