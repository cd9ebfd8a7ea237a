/**
 * The daily tag job in pages: an invocation that runs out of its time budget saves its cursor and
 * the next timer tick carries on after the last user done, never starting over; two ticks at once
 * do not both work on the run.
 */
import { startLocalCloud, type LocalCloud } from '../support/local-cloud';

type Reply<T = Record<string, unknown>> = { ok: true; data: T } | { ok: false; code: string; message: string };
type RunReply = Reply<{ day: string; done?: boolean; skipped?: boolean; users?: number; cursor?: string }>;

jest.setTimeout(90_000);

let cloud: LocalCloud;
const ids = ['o_a', 'o_b', 'o_c', 'o_d', 'o_e'];

beforeAll(async () => {
  cloud = await startLocalCloud({
    seed: async () => ({
      // Two users a page and no time budget: each tick does one page.
      settings: [{ _id: 'tags', jobPageSize: 2, jobBudgetMs: 0 }],
      users: ids.map((id) => ({ _id: id, openid: id, nickName: id, tier: 'normal', tags: [], marketingOptOut: false, status: 'active' })),
    }),
  });
});
afterAll(() => cloud.close());

async function tick(): Promise<RunReply> {
  const res = await cloud.post('/api/_emulator/timers/tags?trigger=tagsDaily', {});
  return (res.body as { result: RunReply }).result;
}
const tagged = () => cloud.emulator.db.find('user_tags', {}).map((d) => d._id as string).sort();

test('each tick resumes after the last saved user until the day is done, then does nothing', async () => {
  expect(await tick()).toMatchObject({ ok: true, data: { done: false, users: 2, cursor: 'o_b' } });
  expect(tagged()).toEqual(['o_a', 'o_b']);
  const firstPass = cloud.emulator.db.find('user_tags', { _id: 'o_a' })[0].computedAt;

  expect(await tick()).toMatchObject({ ok: true, data: { done: false, users: 4, cursor: 'o_d' } });
  expect(await tick()).toMatchObject({ ok: true, data: { done: true, users: 5 } });
  expect(tagged()).toEqual(ids);
  // Nobody was done twice.
  expect(cloud.emulator.db.find('user_tags', { _id: 'o_a' })[0].computedAt).toBe(firstPass);

  expect(await tick()).toMatchObject({ ok: true, data: { skipped: true } });
});

test('two ticks at the same moment: one works on the run, the other stands aside', async () => {
  // Start the day over with a budget big enough for the whole run in one tick.
  cloud.emulator.db.remove('job_runs', {});
  cloud.emulator.db.remove('user_tags', {});
  cloud.emulator.db.update('settings', { _id: 'tags' }, { $set: { jobBudgetMs: 60_000 } });
  const replies = await Promise.all([tick(), tick()]);
  const worked = replies.filter((r) => r.ok && !r.data.skipped);
  const skipped = replies.filter((r) => r.ok && r.data.skipped);
  expect(worked).toHaveLength(1);
  expect(skipped).toHaveLength(1);
  expect(worked[0]).toMatchObject({ ok: true, data: { done: true, users: 5 } });
  expect(tagged()).toEqual(ids);
});
