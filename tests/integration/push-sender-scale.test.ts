/**
 * The sender at scale and across crashes: 10,000 users in the audience, 3,000 of them with a
 * marketing credit. The first timer run is cut short after a few batches; then the state a killed
 * run leaves behind is injected (sends claimed with an expired lease, at each step a run can die
 * in); later runs finish the campaign. WeChat's own outbox must show one message per credited
 * user, nobody twice, and every user must have an outcome.
 */
import type { LocalCloud } from '../support/local-cloud';
import { MARKETING, MESSAGE, baseFixtures, data, fireSender, insertUsers, push, startAtTenAm, startPushCloud, type FixtureUser } from './push-fixtures';

// 10,000 users, several timer runs and 3,000 WeChat calls through the emulator on 2 shared cores.
jest.setTimeout(600_000);

const USERS = 10_000;
const openidOf = (i: number) => `o_scale_${String(i).padStart(5, '0')}`;
const hasCredit = (i: number) => i % 10 < 3;

let cloud: LocalCloud;

beforeAll(async () => {
  // The first timer run is held to 2 batches of 500: it stops part-way, like a run that hit its time limit.
  cloud = await startPushCloud();
  baseFixtures(cloud, { sendsPerSecond: 5000, batchesPerTick: 2 });
  await startAtTenAm(cloud);
  const users: FixtureUser[] = Array.from({ length: USERS }, (_, i) => ({ openid: openidOf(i), tags: ['基础用户'], credits: hasCredit(i) ? 1 : 0 }));
  insertUsers(cloud, users);
});

afterAll(() => cloud.close());

type Doc = Record<string, unknown>;

it('sends exactly once to each of the 3,000 users with credit, and resumes after crashes without a double send', async () => {
  const db = cloud.emulator.db;
  const preview = data(await push<{ size: number; reachable: number; unreachable: Record<string, number> }>(cloud, 'audiencePreview', { audience: { tag: '基础用户' } }));
  expect(preview).toMatchObject({ size: USERS, reachable: 3000, unreachable: { no_credit: 7000, opted_out: 0 } });

  const { campaign } = data(await push<{ campaign: { id: string } }>(cloud, 'create', { name: '万人推送', audience: { tag: '基础用户' }, message: MESSAGE }));
  const id = campaign.id;
  data(await push(cloud, 'sendNow', { campaignId: id }));

  // Run 1: materialises everyone, then stops after two batches.
  await fireSender(cloud);
  expect(db.find('campaign_sends', { campaignId: id })).toHaveLength(USERS);
  const afterFirst = db.find('campaign_sends', { campaignId: id, status: { $ne: 'pending' } });
  expect(afterFirst).toHaveLength(1000);
  expect(cloud.emulator.outbox.list().length).toBe(afterFirst.filter((s) => s.status === 'sent').length);

  // Now leave behind what a run killed at each step would: a claimed send (died right after the
  // claim), one whose day was reserved and credit spent (died before calling WeChat), and one that
  // WeChat delivered but whose outcome was never written (died during the call).
  const pendingWithCredit = (db.find('campaign_sends', { campaignId: id, status: 'pending' }) as Doc[])
    .map((s) => String(s.openid))
    .filter((o) => hasCredit(Number(o.slice(-5))));
  const [claimedOnly, reserved, delivered] = [pendingWithCredit.slice(0, 50), pendingWithCredit.slice(50, 100), pendingWithCredit.slice(100, 110)];
  const past = new Date(cloud.emulator.clock.now() - 60_000);
  const stale = (openids: string[], step: string) =>
    db.update('campaign_sends', { _id: { $in: openids.map((o) => `${id}:${o}`) } }, { $set: { status: 'sending', step, leaseToken: 'dead-run', leaseUntil: past } });
  stale(claimedOnly, 'claimed');
  stale(reserved, 'claimed');
  stale(delivered, 'calling');
  const today = new Date(cloud.emulator.clock.now());
  for (const openid of [...reserved, ...delivered]) {
    db.insert('push_records', [{ _id: `mkt:${openid}:dead`, openid, kind: 'marketing', status: 'sending', templateId: MARKETING, campaignId: id, at: today }]);
    db.update('subscribe_credits', { _id: openid }, { $inc: { [`credits.${MARKETING}`]: -1 } });
  }
  for (const openid of delivered) {
    expect(cloud.emulator.outbox.send({ touser: openid, template_id: MARKETING, page: 'x', data: { thing1: { value: '已送达' } } })).toMatchObject({ errcode: 0 });
  }

  // Later runs pick everything up, with only their time budget as the limit.
  db.update('settings', { _id: 'push' }, { $set: { batchesPerTick: 0 } });
  let runs = 0;
  while ((db.find('campaigns', { _id: id })[0] as Doc).status !== 'sent') {
    await fireSender(cloud);
    runs += 1;
    if (runs > 60) throw new Error('the sender did not finish');
  }

  const outbox = cloud.emulator.outbox.list();
  const recipients = outbox.map((m) => m.touser);
  expect(outbox).toHaveLength(3000);
  expect(new Set(recipients).size).toBe(3000);
  expect(recipients.every((o) => hasCredit(Number(o.slice(-5))))).toBe(true);

  const sends = db.find('campaign_sends', { campaignId: id }) as Doc[];
  expect(sends).toHaveLength(USERS);
  const count = (filter: (s: Doc) => boolean) => sends.filter(filter).length;
  expect(count((s) => s.status === 'pending' || s.status === 'sending')).toBe(0);
  expect(count((s) => s.status === 'unreachable' && s.reason === 'no_credit')).toBe(7000);
  // The ten interrupted mid-call were not called again; they are recorded as failed, not guessed sent.
  expect(count((s) => s.status === 'failed' && s.interrupted === true)).toBe(10);
  expect(count((s) => s.status === 'sent')).toBe(2990);
  expect(sends.filter((s) => s.status === 'failed').map((s) => s.openid).sort()).toEqual([...delivered].sort());

  // Nobody was charged twice: every credited user's ledger and WeChat's count are both at 0.
  const ledgers = db.find('subscribe_credits', {}) as { credits: Record<string, number> }[];
  expect(ledgers).toHaveLength(3000);
  expect(ledgers.every((l) => l.credits[MARKETING] === 0)).toBe(true);
  expect(Object.values(cloud.emulator.outbox.snapshot().credits).every((c) => c[MARKETING] === 0)).toBe(true);
  // One marketing push record per recipient, which is what holds tomorrow's caps.
  expect(db.find('push_records', { campaignId: id, status: { $in: ['sent', 'sending'] } })).toHaveLength(3000);

  const { report } = data(await push<{ report: Record<string, unknown> }>(cloud, 'report', { campaignId: id }));
  expect(report).toMatchObject({ targeted: USERS, pending: 0, sent: 2990, failed: 10, reachable: 3000, unreachable: 7000 });
  expect(report.unreachableByReason).toMatchObject({ no_credit: 7000 });
});
