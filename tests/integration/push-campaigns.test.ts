/**
 * The push function through the local CloudBase: audience counts, the composer's checks, and the
 * sender under the frequency caps and quiet hours as the emulator clock moves across days.
 */
import type { LocalCloud } from '../support/local-cloud';
import {
  MARKETING,
  MESSAGE,
  baseFixtures,
  data,
  fireSender,
  insertUsers,
  moveClockTo,
  push,
  shanghai,
  startAtTenAm,
  startPushCloud,
  type FixtureUser,
} from './push-fixtures';

jest.setTimeout(120_000);

let cloud: LocalCloud;

// 100 users built so every count below follows from the index: city alternates 上海/杭州,
// every 5th is 高价值用户, every 3rd 基础用户, every 4th 流失客户 (else 一般客户), every
// 10th+1 opted out; even ones hold marketing credit.
const users: FixtureUser[] = Array.from({ length: 100 }, (_, i) => ({
  openid: `o_aud_${String(i).padStart(3, '0')}`,
  city: i % 2 === 0 ? '上海' : '杭州',
  tags: [...(i % 5 === 0 ? ['高价值用户'] : []), ...(i % 3 === 0 ? ['基础用户'] : [])],
  segment: i % 4 === 0 ? '流失客户' : '一般客户',
  optOut: i % 10 === 1,
  credits: i % 2 === 0 ? 1 : 0,
}));

beforeAll(async () => {
  cloud = await startPushCloud();
  baseFixtures(cloud, { sendsPerSecond: 500 });
  await startAtTenAm(cloud);
  insertUsers(cloud, users);
  // Users 2 and 52 were pushed this morning; 4 and 54 on each of the last three days.
  const at = (days: number, hour: number) => shanghai(cloud, days, hour);
  const record = (openid: string, when: Date, n: number) => ({ _id: `old-${openid}-${n}`, openid, kind: 'marketing', status: 'sent', templateId: MARKETING, campaignId: 'cmp-old', at: when });
  cloud.emulator.db.insert('push_records', [
    record('o_aud_002', at(0, 9), 0),
    record('o_aud_052', at(0, 9), 0),
    ...[1, 2, 3].flatMap((d) => [record('o_aud_004', at(-d, 12), d), record('o_aud_054', at(-d, 12), d)]),
    // Failed pushes and service messages do not count toward the caps.
    { ...record('o_aud_006', at(0, 9), 0), status: 'failed' },
    { ...record('o_aud_008', at(0, 9), 0), kind: 'service' },
  ]);
});

afterAll(() => cloud.close());

interface Preview {
  size: number;
  reachable: number;
  unreachable: Record<string, number>;
  description: string;
  sample: { _id: string }[];
}

const preview = async (audience: unknown) => data(await push<Preview>(cloud, 'audiencePreview', { audience }));

describe('audience preview', () => {
  it.each([
    [{ tag: '高价值用户' }, 20],
    [{ and: [{ tag: '高价值用户' }, { city: '上海' }] }, 10],
    [{ or: [{ tag: '高价值用户' }, { tag: '基础用户' }] }, 47],
    [{ not: { segment: '流失客户' } }, 75],
    [{ and: [{ tag: '高价值用户' }, { not: { segment: '流失客户' } }] }, 15],
    [{ and: [{ or: [{ city: '上海' }, { city: '杭州' }] }, { not: { tag: '高价值用户' } }] }, 80],
    [{ everyone: true }, 100],
  ])('counts %j exactly', async (audience, size) => {
    const result = await preview(audience);
    expect(result.size).toBe(size);
    expect(result.reachable + Object.values(result.unreachable).reduce((a, b) => a + b, 0)).toBe(size);
    expect(result.sample.length).toBe(Math.min(5, size));
  });

  it('splits everyone by the first reason reachability gives', async () => {
    const result = await preview({ everyone: true });
    expect(result.unreachable).toEqual({ opted_out: 10, no_credit: 40, daily_cap: 2, weekly_cap: 2 });
    expect(result.reachable).toBe(46);
    expect(result.description).toBe('全部用户');
  });

  it('reads the rule out in Chinese and refuses bad rules and non-managers', async () => {
    const result = await preview({ and: [{ tag: '高价值用户' }, { or: [{ city: '上海' }, { city: '杭州' }] }, { not: { segment: '流失客户' } }] });
    expect(result.description).toBe('带有标签“高价值用户” 且 （所在城市为上海 或 所在城市为杭州） 且 非（RFM分群为流失客户）');
    expect(await push(cloud, 'audiencePreview', { audience: { $where: 'x' } })).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
    expect(await push(cloud, 'audiencePreview', { audience: { tag: '没这个标签' } })).toMatchObject({ ok: false, code: 'INVALID_INPUT', message: '标签“没这个标签”不存在' });
    expect(await push(cloud, 'audiencePreview', { audience: { everyone: true } }, 'o_aud_000')).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  });
});

describe('composing', () => {
  it('refuses banned words, naming them in Chinese, when saving and when sending', async () => {
    const dirty = { ...MESSAGE, fields: { ...MESSAGE.fields, thing2: '全网最低价 最 佳选择' } };
    const refused = await push(cloud, 'create', { name: '双十一', audience: { everyone: true }, message: dirty });
    expect(refused).toMatchObject({ ok: false, code: 'SENSITIVE_CONTENT' });
    expect((refused as { message: string }).message).toMatch(/^内容含有违规词：.*最佳/);
    expect((refused as { message: string }).message).toContain('全网最低');
    const check = data(await push<{ clean: boolean; words: string[] }>(cloud, 'checkContent', { name: '销量第一', templateKey: 'marketing', fields: dirty.fields }));
    expect(check.clean).toBe(false);
    expect(check.words).toEqual(expect.arrayContaining(['最佳', '全网最低']));
    expect(data(await push<{ clean: boolean }>(cloud, 'checkContent', { name: '第一次下单礼', fields: MESSAGE.fields })).clean).toBe(true);

    // Content that got into a draft some other way is still stopped before anything leaves.
    const { campaign } = data(await push<{ campaign: { id: string } }>(cloud, 'create', { name: '冬季上新', audience: { everyone: true }, message: MESSAGE }));
    cloud.emulator.db.update('campaigns', { _id: campaign.id }, { $set: { 'message.fields.thing1': '国家级工艺 最好的羊绒' } });
    const send = await push(cloud, 'sendNow', { campaignId: campaign.id });
    expect(send).toMatchObject({ ok: false, code: 'SENSITIVE_CONTENT', message: '内容含有违规词：国家级、最好，请修改后再发送' });
  });

  it('checks the message against the template and puts the campaign id on the landing page', async () => {
    const missing = await push(cloud, 'create', { name: '缺字段', audience: { everyone: true }, message: { ...MESSAGE, fields: { thing1: '上新' } } });
    expect(missing).toMatchObject({ ok: false, code: 'INVALID_INPUT', message: '字段thing2不能为空' });
    const long = await push(cloud, 'create', { name: '太长', audience: { everyone: true }, message: { ...MESSAGE, fields: { ...MESSAGE.fields, thing1: '一二三四五六七八九十一二三四五六七八九十一' } } });
    expect(long).toMatchObject({ ok: false, message: '字段thing1不能超过20个字' });
    const badPage = await push(cloud, 'create', { name: '坏页面', audience: { everyone: true }, message: { ...MESSAGE, page: 'https://evil.example' } });
    expect(badPage).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
    const { campaign } = data(await push<{ campaign: { id: string; message: { page: string }; audienceSize: number; audienceText: string } }>(cloud, 'create', { name: '上海高价值', audience: { and: [{ tag: '高价值用户' }, { city: '上海' }] }, message: MESSAGE }));
    expect(campaign.message.page).toBe(`packages/product/index/index?id=p001&campaignId=${campaign.id}`);
    expect(campaign.audienceSize).toBe(10);
    expect(campaign.audienceText).toBe('带有标签“高价值用户” 且 所在城市为上海');
    const listed = data(await push<{ items: { id: string; status: string }[] }>(cloud, 'list'));
    expect(listed.items.find((c) => c.id === campaign.id)).toMatchObject({ status: 'draft' });
    expect(await push(cloud, 'list', {}, 'o_aud_000')).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  });
});

describe('sending under caps and quiet hours', () => {
  const capUser = 'o_cap_user';
  const outboxOf = (openid: string) => cloud.emulator.outbox.list(openid);
  const sendOne = async (name: string) => {
    const { campaign } = data(await push<{ campaign: { id: string } }>(cloud, 'create', { name, audience: { tag: '频控' }, message: MESSAGE }));
    const sent = data(await push<{ campaign: { status: string; scheduledAt: string }; deferred: boolean }>(cloud, 'sendNow', { campaignId: campaign.id }));
    return { id: campaign.id, ...sent };
  };
  const outcome = (campaignId: string) => cloud.emulator.db.find('campaign_sends', { _id: `${campaignId}:${capUser}` })[0];

  beforeAll(() => insertUsers(cloud, [{ openid: capUser, tags: ['频控'], credits: 10 }]));

  it('sends once a Shanghai day and three times in any seven days, and quiet hours defer', async () => {
    const day0 = await sendOne('第一天');
    await fireSender(cloud);
    expect(outcome(day0.id)).toMatchObject({ status: 'sent' });
    const again = await sendOne('当天第二条');
    await fireSender(cloud);
    expect(outcome(again.id)).toMatchObject({ status: 'unreachable', reason: 'daily_cap' });
    expect(outboxOf(capUser)).toHaveLength(1);

    await moveClockTo(cloud, shanghai(cloud, 1, 10));
    const day1 = await sendOne('第二天');
    await fireSender(cloud);
    expect(outcome(day1.id)).toMatchObject({ status: 'sent' });

    // 23:00 is quiet: 立即发送 waits for 08:00, nothing goes out at night.
    await moveClockTo(cloud, shanghai(cloud, 1, 23));
    const night = await sendOne('深夜');
    expect(night.deferred).toBe(true);
    const morning = shanghai(cloud, 1, 8);
    expect(new Date(night.campaign.scheduledAt).toISOString()).toBe(morning.toISOString());
    await fireSender(cloud);
    await moveClockTo(cloud, shanghai(cloud, 1, 7, 30));
    expect(outcome(night.id)).toBeUndefined();
    expect(outboxOf(capUser)).toHaveLength(2);
    await moveClockTo(cloud, shanghai(cloud, 0, 8, 1)); // day 2, 08:01
    await fireSender(cloud);
    expect(outcome(night.id)).toMatchObject({ status: 'sent' });
    expect(new Date(outboxOf(capUser)[2].sentAt).getTime()).toBeGreaterThanOrEqual(morning.getTime());

    // Day 3: three in the last seven days already.
    await moveClockTo(cloud, shanghai(cloud, 1, 10));
    const day3 = await sendOne('第四天');
    await fireSender(cloud);
    expect(outcome(day3.id)).toMatchObject({ status: 'unreachable', reason: 'weekly_cap' });

    // Day 7: day 0 has left the rolling window (a calendar week would have reset sooner).
    await moveClockTo(cloud, shanghai(cloud, 4, 10));
    const day7 = await sendOne('第八天');
    await fireSender(cloud);
    expect(outcome(day7.id)).toMatchObject({ status: 'sent' });
    expect(outboxOf(capUser)).toHaveLength(4);
    expect(outboxOf(capUser)[3]).toMatchObject({ templateId: MARKETING, page: `packages/product/index/index?id=p001&campaignId=${day7.id}`, data: { thing1: { value: '秋冬新品上新' } } });
    const records = cloud.emulator.db.find('push_records', { openid: capUser }) as { status: string }[];
    expect(records.filter((r) => r.status === 'sent')).toHaveLength(4);
  });

  it('lets a manager cancel before the timer runs, and reports what happened', async () => {
    const { id } = await sendOne('取消的');
    data(await push(cloud, 'cancel', { campaignId: id }));
    await fireSender(cloud);
    expect(outcome(id)).toBeUndefined();
    expect(await push(cloud, 'sendNow', { campaignId: id })).toMatchObject({ ok: false, code: 'CAMPAIGN_LOCKED' });
    const campaigns = data(await push<{ items: { id: string; status: string; report: { sent: number } | null }[] }>(cloud, 'list')).items;
    const sent = campaigns.filter((c) => c.status === 'sent');
    expect(sent).toHaveLength(6);
    const day7 = sent[0];
    const { report } = data(await push<{ report: { targeted: number; sent: number } }>(cloud, 'report', { campaignId: day7.id }));
    expect(report).toMatchObject({ targeted: 1, sent: 1 });
  });
});

describe('two campaigns sending at once', () => {
  const crowd = Array.from({ length: 120 }, (_, i) => `o_both_${String(i).padStart(3, '0')}`);

  beforeAll(async () => {
    insertUsers(cloud, crowd.map((openid) => ({ openid, tags: ['双发'], credits: 2 })));
    await moveClockTo(cloud, shanghai(cloud, 1, 10));
  });

  it('gives each user one marketing push that day, whichever campaign reaches them first', async () => {
    const ids: string[] = [];
    for (const name of ['双发甲', '双发乙']) {
      const { campaign } = data(await push<{ campaign: { id: string } }>(cloud, 'create', { name, audience: { tag: '双发' }, message: MESSAGE }));
      data(await push(cloud, 'sendNow', { campaignId: campaign.id }));
      ids.push(campaign.id);
    }
    const status = (id: string) => (cloud.emulator.db.find('campaigns', { _id: id })[0] as { status: string }).status;
    for (let round = 0; round < 10 && ids.some((id) => status(id) !== 'sent'); round += 1) {
      await Promise.all([fireSender(cloud), fireSender(cloud), fireSender(cloud)]);
    }
    expect(ids.map(status)).toEqual(['sent', 'sent']);
    const messages = cloud.emulator.outbox.list().filter((m) => crowd.includes(m.touser));
    expect(messages).toHaveLength(crowd.length);
    expect(new Set(messages.map((m) => m.touser)).size).toBe(crowd.length);
    const sends = cloud.emulator.db.find('campaign_sends', { campaignId: { $in: ids } }) as { status: string; reason: string | null }[];
    expect(sends.filter((s) => s.status === 'sent')).toHaveLength(crowd.length);
    expect(sends.filter((s) => s.status === 'unreachable' && s.reason === 'daily_cap')).toHaveLength(crowd.length);
    // Only the sends made took a credit: everyone still has one of their two.
    const ledgers = cloud.emulator.db.find('subscribe_credits', { _id: { $in: crowd } }) as { credits: Record<string, number> }[];
    expect(ledgers.every((l) => l.credits[MARKETING] === 1)).toBe(true);
  });
});
