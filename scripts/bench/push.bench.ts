/**
 * Campaign pushes over a large user base: audiencePreview (size and reach by reason, counted by the
 * database) over 100,000 users' user_tags, and the sender pipeline — materialising a campaign's
 * audience into campaign_sends, then sending in leased batches — for a campaign that targets a tag
 * 10% of them carry, 30% of those with a marketing credit. Users go into a temp in-memory
 * database in bulk. BENCH_PUSH_USERS scales it.
 */
import { mkdtempSync, rmSync, symlinkSync } from 'fs';
import os from 'os';
import path from 'path';
import { createEmulator, type Emulator } from '../../emulator/server';
import { addDays, dayKey, startOfDay } from '../../src/domain/business-day';
import { buildFunction } from '../build-cloud';
import { SETTINGS } from '../seed/settings';

const USERS = Number(process.env.BENCH_PUSH_USERS ?? 100_000);
const MARKETING = SETTINGS.subscribeTemplates.marketing.id;
const MANAGER = 'o_bench_manager';
const CITIES = ['上海', '杭州', '南京', '苏州', '北京'];
const SEGMENTS = ['高价值客户', '重点发展', '重点挽留', '一般客户', '流失客户'];

function insertUsers(emulator: Emulator): { targeted: number; withCredit: number } {
  const now = new Date(emulator.clock.now());
  let targeted = 0;
  let withCredit = 0;
  for (let start = 0; start < USERS; start += 5000) {
    const tags = [];
    const credits = [];
    for (let i = start; i < Math.min(USERS, start + 5000); i += 1) {
      const openid = `o_bench_${String(i).padStart(6, '0')}`;
      const inCampaign = i % 10 === 0;
      const credited = inCampaign ? i % 100 < 30 : i % 7 === 0;
      if (inCampaign) targeted += 1;
      if (inCampaign && credited) withCredit += 1;
      tags.push({
        _id: openid,
        openid,
        tags: [...(i % 3 === 0 ? ['基础用户'] : []), ...(i % 5 === 0 ? ['高价值用户'] : []), ...(inCampaign ? ['秋冬上新'] : [])],
        lifecycleTags: [],
        manualTags: [],
        interests: i % 4 === 0 ? ['通勤', '极简'] : ['休闲'],
        tier: ['normal', 'silver', 'gold', 'diamond'][i % 4],
        city: CITIES[i % CITIES.length],
        storeId: null,
        segment: SEGMENTS[i % SEGMENTS.length],
        rfm: null,
        marketingOptOut: i % 50 === 1,
        computedAt: now.getTime(),
      });
      if (credited) {
        credits.push({ _id: openid, openid, credits: { [MARKETING]: 1 }, updatedAt: now });
        emulator.outbox.accept(openid, [MARKETING]);
      }
    }
    emulator.db.insert('user_tags', tags);
    emulator.db.insert('users', tags.map((t) => ({ _id: t._id, openid: t.openid, tier: t.tier, marketingOptOut: t.marketingOptOut, createdAt: now })));
    if (credits.length > 0) emulator.db.insert('subscribe_credits', credits);
  }
  return { targeted, withCredit };
}

export default async function benchPush(): Promise<string> {
  await buildFunction('push');
  // Only the push function: other functions' timers have no business in this database.
  const functionsDir = mkdtempSync(path.join(os.tmpdir(), 'weave-bench-push-'));
  symlinkSync(path.join(__dirname, '..', '..', 'cloudfunctions', 'push'), path.join(functionsDir, 'push'), 'dir');
  const emulator = await createEmulator({ port: 0, functionsDir, timers: 'manual' });
  const call = async (data: Record<string, unknown>) => {
    const res = await fetch(`${emulator.url}/api/functions/push`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-wx-openid': MANAGER }, body: JSON.stringify(data) });
    const reply = (await res.json()) as { result?: { ok: boolean; data?: Record<string, unknown>; message?: string } };
    if (!reply.result?.ok) throw new Error(`push ${String(data.action)} failed: ${JSON.stringify(reply)}`);
    return reply.result.data as Record<string, unknown>;
  };
  const fire = async () => {
    const res = await fetch(`${emulator.url}/api/_emulator/timers/push?trigger=sender`, { method: 'POST' });
    if (res.status !== 200) throw new Error(`sender failed: ${await res.text()}`);
  };
  try {
    // 10:00 Shanghai tomorrow: outside quiet hours whenever the bench runs.
    const ten = startOfDay(addDays(dayKey(emulator.clock.now()), 1)).getTime() + 10 * 3_600_000;
    await emulator.advanceClock(ten - emulator.clock.now());
    const now = new Date(emulator.clock.now());
    emulator.db.insert('settings', [
      { _id: 'subscribeTemplates', ...JSON.parse(JSON.stringify(SETTINGS.subscribeTemplates)), updatedAt: now },
      // Unthrottled: this measures the pipeline, not the pace WeChat allows.
      { _id: 'push', ...JSON.parse(JSON.stringify(SETTINGS.push)), sendsPerSecond: 100_000, updatedAt: now },
    ]);
    emulator.db.insert('managers', [{ _id: 'mgr-bench', openid: MANAGER, name: 'bench', active: true, createdAt: now }]);
    const insertStarted = Date.now();
    const { targeted, withCredit } = insertUsers(emulator);
    const insertMs = Date.now() - insertStarted;

    const rules: [string, unknown][] = [
      ['全部用户', { everyone: true }],
      ['带有标签“高价值用户”', { tag: '高价值用户' }],
      ['（上海 或 杭州）且 兴趣“通勤” 且 非 流失客户', { and: [{ or: [{ city: '上海' }, { city: '杭州' }] }, { interest: '通勤' }, { not: { segment: '流失客户' } }] }],
    ];
    await call({ action: 'audiencePreview', audience: { tag: '基础用户' } }); // warm-up
    const previews: string[] = [];
    for (const [name, audience] of rules) {
      const started = Date.now();
      const result = await call({ action: 'audiencePreview', audience });
      previews.push(`| ${name} | ${result.size} | ${result.reachable} | ${Date.now() - started} |`);
    }

    const { campaign } = (await call({
      action: 'create',
      name: '秋冬上新压测',
      audience: { tag: '秋冬上新' },
      message: { templateKey: 'marketing', fields: { thing1: '秋冬新品上新', thing2: '会员专享满299减40', time3: '11月30日前' }, page: 'pages/home/index' },
    })) as { campaign: { id: string } };
    await call({ action: 'sendNow', campaignId: campaign.id });
    const started = Date.now();
    let runs = 0;
    let materialisedMs = 0;
    const status = () => (emulator.db.find('campaigns', { _id: campaign.id })[0] as { status: string; phase?: string }) ?? { status: '' };
    while (status().status !== 'sent') {
      await fire();
      runs += 1;
      if (!materialisedMs && status().phase !== 'materialise') materialisedMs = Date.now() - started;
      if (runs > 500) throw new Error('sender did not finish');
    }
    const totalMs = Date.now() - started;
    const sent = emulator.outbox.list().length;
    const seconds = totalMs / 1000;
    return [
      '## Campaign push (scripts/bench/push.bench.ts)',
      '',
      `${USERS.toLocaleString('en')} users with user_tags, users and (for some) subscribe_credits documents, inserted in bulk in ${(insertMs / 1000).toFixed(1)} s. audiencePreview counts the audience and its opted-out users with two \`count\`s, the credit holders in it with one aggregate over subscribe_credits joined to user_tags, and the capped ones with one over the last seven days of push_records; nothing per user comes back to the function.`,
      '',
      '| audiencePreview | size | reachable | ms |',
      '|---|---:|---:|---:|',
      ...previews,
      '',
      `Sender: a campaign to the ${targeted.toLocaleString('en')} users tagged 秋冬上新 (${withCredit.toLocaleString('en')} with a marketing credit), send rate unthrottled, timer fired back to back (${runs} run${runs === 1 ? '' : 's'}, each stopping at the first page after 40 s).`,
      '',
      '| step | result |',
      '|---|---:|',
      `| first timer run (materialise ${targeted.toLocaleString('en')} sends, then send until its 40 s budget) | ${(materialisedMs / 1000).toFixed(1)} s |`,
      `| whole campaign, materialise to report | ${seconds.toFixed(1)} s |`,
      `| messages sent (emulator outbox) | ${sent.toLocaleString('en')} |`,
      `| users processed per second | ${Math.round(targeted / seconds)} |`,
      `| sends per second | ${Math.round(sent / seconds)} |`,
      '',
      'In the cloud the send rate is capped by `settings.push.sendsPerSecond` (20 by default): at that pace the WeChat calls, not the bookkeeping, set the duration. The local database tests every document on each query (no indexes), so large collections cost more here than with the cloud\'s indexes.',
    ].join('\n');
  } finally {
    await emulator.close();
    rmSync(functionsDir, { recursive: true, force: true });
  }
}
