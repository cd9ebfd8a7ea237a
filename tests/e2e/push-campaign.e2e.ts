/**
 * The campaign loop: 陈经理 builds an audience from tags (高价值用户 且 非 流失客户), sees 人群规模
 * and 可触达, writes the message, picks the landing page, sends now; the sender timer runs (fired
 * through the emulator's admin API, as the cloud's timer would); the report shows what was sent.
 * Runs the H5 build against the local CloudBase with the demo brand.
 */
import { isQuietTime, nextAllowedSendTime } from '../../src/domain/push/quiet-hours';
import { matchesAudience, type AudienceSubject } from '../../src/domain/tags/audience';
import { SETTINGS } from '../../scripts/seed/settings';
import { screenshot, seeText } from './support/browser';
import { startStack, type Stack } from './support/stack';

jest.setTimeout(240_000);

let stack: Stack;
const MARKETING = SETTINGS.subscribeTemplates.marketing.id;

beforeAll(async () => {
  stack = await startStack();
  // WeChat's own count of one-time subscriptions matches the seeded ledger.
  for (const doc of stack.emulator.db.find('subscribe_credits', {}) as { _id: string; credits: Record<string, number> }[]) {
    for (let n = 0; n < (doc.credits[MARKETING] ?? 0); n += 1) stack.emulator.outbox.accept(doc._id, [MARKETING]);
  }
  const now = stack.emulator.clock.now();
  if (isQuietTime(now)) await stack.emulator.advanceClock(nextAllowedSendTime(now).getTime() - now + 60_000);
});

afterAll(async () => {
  await stack?.close();
});

const audienceSize = () =>
  (stack.emulator.db.find('user_tags', {}) as AudienceSubject[]).filter((t) => matchesAudience({ and: [{ tag: '高价值用户' }, { not: { segment: '流失客户' } }] }, t)).length;

test('陈经理 targets 高价值用户 who are not 流失客户, sends now, and the report shows the sends', async () => {
  const page = await stack.open('o_manager_chen', '/#/packages/manager/index/index');
  await seeText(page, '活动推送');
  await page.getByText('活动推送', { exact: true }).click();
  await seeText(page, '夏季冰感穿搭上新');
  await screenshot(page, 'push-campaign-1-list');
  await page.getByText('新建推送活动').click();

  // The audience: a tag, and 非 an RFM segment.
  await seeText(page, '人群规模');
  await page.locator('.edit-card__input input').first().fill('高价值会员秋冬上新');
  await page.locator('.chip--value', { hasText: '高价值用户' }).first().click();
  await page.locator('.chip--kind', { hasText: 'RFM分群' }).click();
  await page.locator('.chip--value', { hasText: '流失客户' }).first().click();
  await page.locator('.condition', { hasText: '流失客户' }).locator('.condition__not').click();
  await seeText(page, '带有标签“高价值用户” 且 非（RFM分群为流失客户）');
  const expected = audienceSize();
  expect(expected).toBeGreaterThan(0);
  await page.locator('.audience-counts__value').first().filter({ hasText: String(expected) }).waitFor({ timeout: 20_000 });
  const reachable = Number(await page.locator('.audience-counts__value--accent').textContent());
  expect(reachable).toBeGreaterThan(0);
  expect(reachable).toBeLessThanOrEqual(expected);
  await screenshot(page, 'push-campaign-2-audience');

  // The message, with a banned word first: the editor warns and will not send.
  const inputs = page.locator('.field__input input');
  await inputs.nth(0).fill('全网最低价 羊绒上新');
  await seeText(page, /内容含有违规词：.*全网最低/);
  await page.locator('.edit-card__warning').scrollIntoViewIfNeeded();
  await screenshot(page, 'push-campaign-3-banned-word');
  await inputs.nth(0).fill('秋冬羊绒系列上新');
  await inputs.nth(1).fill('高价值会员专享满299减40');
  await inputs.nth(2).fill('11月30日前');
  await page.locator('.chip', { hasText: '会员中心' }).click();
  await page.locator('.edit-card__warning').waitFor({ state: 'detached', timeout: 20_000 });
  await screenshot(page, 'push-campaign-4-composed');

  await page.getByText('立即发送', { exact: true }).click();
  // Earlier pages stay in the H5 DOM, hidden: look inside the report page.
  const report = page.locator('.campaign-report');
  await report.locator('.report-head__status', { hasText: '待发送' }).waitFor({ timeout: 30_000 });
  await screenshot(page, 'push-campaign-5-scheduled');
  const campaign = (stack.emulator.db.find('campaigns', { name: '高价值会员秋冬上新' })[0] ?? {}) as { _id: string; status: string; message: { page: string } };
  expect(campaign.status).toBe('scheduled');
  expect(campaign.message.page).toBe(`packages/member/index/index?campaignId=${campaign._id}`);

  // The cloud's timer fires the sender.
  const fired = await fetch(`${stack.emulator.url}/api/_emulator/timers/push?trigger=sender`, { method: 'POST' });
  expect(fired.status).toBe(200);
  const sent = stack.emulator.outbox.list().filter((m) => m.page === campaign.message.page);
  expect(sent.length).toBeGreaterThan(0);
  expect(new Set(sent.map((m) => m.touser)).size).toBe(sent.length);

  await page.reload();
  await report.locator('.report-head__status', { hasText: '已发送' }).waitFor({ timeout: 30_000 });
  const stat = (label: string) => report.locator('.report-stat', { hasText: label }).first().locator('.report-stat__value');
  await stat('已发送').filter({ hasText: new RegExp(`^${sent.length}$`) }).waitFor({ timeout: 20_000 });
  expect(Number(await stat('目标人数').textContent())).toBe(expected);
  expect(Number(await stat('可触达').textContent())).toBe(sent.length);
  expect(await stat('成交金额').textContent()).toMatch(/^¥\d+(\.\d{2})?$/);
  await screenshot(page, 'push-campaign-6-report');

  // The list shows it sent, with its numbers.
  const list = await stack.open('o_manager_chen', '/#/packages/manager/campaigns/index');
  const card = list.locator('.campaign-card', { hasText: '高价值会员秋冬上新' });
  await card.locator('.campaign-card__status', { hasText: '已发送' }).waitFor({ timeout: 20_000 });
  await screenshot(list, 'push-campaign-7-list-after');
});
