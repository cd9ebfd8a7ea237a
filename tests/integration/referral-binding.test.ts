/**
 * Referral codes and binding through the local CloudBase: the poster's code (one per referrer and
 * target, its image made once and decodable to the code), and every binding rule — first binding
 * wins (also when two referrers bind one invitee at the same moment), no one with orders, no
 * self-referral, no cycles (A->B->A, longer ones, and two people binding each other at once).
 */
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { startLocalCloud, type LocalCloud } from '../support/local-cloud';
import { product, sku, user, type Reply } from './fixtures/commerce';

jest.setTimeout(60_000);

let cloud: LocalCloud;
const DAY = 86_400_000;

const people = ['o_ann', 'o_ben', 'o_cat', 'o_dan', 'o_eve', 'o_fay', 'o_gus', 'o_hal', 'o_ivy', 'o_jon', 'o_kim', 'o_leo', 'o_old'];

beforeAll(async () => {
  cloud = await startLocalCloud({
    seed: async () => ({
      products: [product('p-tee', '基础T恤', 'tops', { price: 9900, status: 'on_sale' })],
      skus: [sku('tee-m', 'p-tee', 9900, 10)],
      users: people.map((id) => ({ ...user(id), nickName: `用户${id.slice(2)}`, referrer: null })),
      orders: [
        { _id: 'WSOLD1', openid: 'o_old', type: 'normal', status: 'completed', paidAt: new Date(Date.now() - 30 * DAY), createdAt: new Date(Date.now() - 30 * DAY) },
      ],
    }),
  });
}, 60_000);
afterAll(() => cloud?.close());

interface PosterData {
  code: string;
  scene: string;
  codeImage: string;
  product: { title: string; price: number; image: string } | null;
  sharer: { nickName: string };
}

async function codeOf(openid: string, target: Record<string, unknown> = { type: 'home' }): Promise<string> {
  const reply = await cloud.call<Reply<PosterData>>('referral', { action: 'poster', target }, openid);
  expect(reply.ok).toBe(true);
  return reply.data.code;
}

const bind = (openid: string, code: string) => cloud.call<Reply<{ referrer: string; repeated: boolean }>>('referral', { action: 'bind', code, source: 'poster' }, openid);
const referralOf = (openid: string) => cloud.emulator.db.find('referrals', { _id: openid })[0] as { referrer: string; status: string; source: string; boundAt: Date } | undefined;

describe('poster codes', () => {
  it('gives a product poster a code whose image decodes to it, and reuses both the second time', async () => {
    const first = await cloud.call<Reply<PosterData>>('referral', { action: 'poster', target: { type: 'product', id: 'p-tee' } }, 'o_ann');
    expect(first).toMatchObject({ ok: true, data: { scene: `r=${first.data.code}`, product: { title: '基础T恤', price: 9900 }, sharer: { nickName: '用户ann' } } });
    expect(first.data.code).toMatch(/^[A-Z0-9]{8}$/);

    const original = Buffer.from(await (await fetch(first.data.codeImage)).arrayBuffer());
    const png = PNG.sync.read(original);
    expect(jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data).toBe(`r=${first.data.code}`);

    // Stand-in bytes where the image is kept: a second poster must serve them, not call wxacode again.
    const stored = `referral/${first.data.code}.png`;
    cloud.emulator.storage.write(stored, Buffer.from('kept'));
    const again = await cloud.call<Reply<PosterData>>('referral', { action: 'poster', target: { type: 'product', id: 'p-tee' } }, 'o_ann');
    expect(again.data.code).toBe(first.data.code);
    expect(again.data.codeImage).toBe(first.data.codeImage);
    expect(cloud.emulator.storage.read(stored)?.toString()).toBe('kept');
    cloud.emulator.storage.write(stored, original);

    expect(cloud.emulator.db.find('referral_codes', { openid: 'o_ann' })).toHaveLength(1);
    expect(await codeOf('o_ann', { type: 'home' })).not.toBe(first.data.code);
  });

  it('makes one code when the same poster is asked for twice at once', async () => {
    const codes = await Promise.all([codeOf('o_ben'), codeOf('o_ben'), codeOf('o_ben')]);
    expect(new Set(codes).size).toBe(1);
    expect(cloud.emulator.db.find('referral_codes', { openid: 'o_ben' })).toHaveLength(1);
  });

  it('refuses products that do not exist and malformed targets', async () => {
    expect(await cloud.call<Reply>('referral', { action: 'poster', target: { type: 'product', id: 'p-none' } }, 'o_ann')).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await cloud.call<Reply>('referral', { action: 'poster', target: { type: 'shop' } }, 'o_ann')).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
    expect(await cloud.call<Reply>('referral', { action: 'poster', target: { type: 'home' } })).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });
  });
});

describe('binding', () => {
  it('binds a new user to the code owner with time and source, and counts the scan', async () => {
    const code = await codeOf('o_ann');
    const reply = await bind('o_cat', code);
    expect(reply).toMatchObject({ ok: true, data: { referrer: 'o_ann', repeated: false } });
    expect(referralOf('o_cat')).toMatchObject({ referrer: 'o_ann', status: 'bound', source: 'poster', firstOrderId: null });
    expect(referralOf('o_cat')?.boundAt).toBeTruthy();
    expect(cloud.emulator.db.find('users', { _id: 'o_cat' })[0]).toMatchObject({ referrer: { openid: 'o_ann', code } });
    // Arriving again with the same code changes nothing.
    expect(await bind('o_cat', code)).toMatchObject({ ok: true, data: { referrer: 'o_ann', repeated: true } });
    expect(cloud.emulator.db.find('referral_codes', { _id: code })[0]).toMatchObject({ scans: 2 });
  });

  it('keeps the first binding when another referrer comes later', async () => {
    expect(await bind('o_cat', await codeOf('o_ben'))).toMatchObject({ ok: false, code: 'REFERRAL_ALREADY_BOUND', message: '你已接受过其他好友的邀请' });
    expect(referralOf('o_cat')?.referrer).toBe('o_ann');
  });

  it('binds an invitee to exactly one of two referrers binding at the same moment', async () => {
    const [annCode, benCode] = [await codeOf('o_ann'), await codeOf('o_ben')];
    const replies = await Promise.all([bind('o_dan', annCode), bind('o_dan', benCode), bind('o_dan', annCode), bind('o_dan', benCode)]);
    const winner = referralOf('o_dan')!.referrer;
    expect(['o_ann', 'o_ben']).toContain(winner);
    for (const r of replies) {
      if (r.ok) expect(r.data.referrer).toBe(winner);
      else expect(r.code).toBe('REFERRAL_ALREADY_BOUND');
    }
    expect(replies.filter((r) => r.ok && !r.data.repeated)).toHaveLength(1);
    expect(cloud.emulator.db.find('referrals', { invitee: 'o_dan' })).toHaveLength(1);
  });

  it('refuses someone who already has a paid order', async () => {
    expect(await bind('o_old', await codeOf('o_ann'))).toMatchObject({ ok: false, code: 'REFERRAL_HAS_ORDERS' });
    expect(referralOf('o_old')).toBeUndefined();
  });

  it('refuses self-referral', async () => {
    expect(await bind('o_eve', await codeOf('o_eve'))).toMatchObject({ ok: false, code: 'REFERRAL_SELF', message: '不能接受自己的邀请' });
    expect(referralOf('o_eve')).toBeUndefined();
  });

  it('refuses A->B->A', async () => {
    expect(await bind('o_fay', await codeOf('o_eve'))).toMatchObject({ ok: true });
    expect(await bind('o_eve', await codeOf('o_fay'))).toMatchObject({ ok: false, code: 'REFERRAL_CYCLE' });
    expect(referralOf('o_eve')).toBeUndefined();
  });

  it('refuses a longer loop: G->H->I, then I cannot invite G', async () => {
    expect(await bind('o_hal', await codeOf('o_gus'))).toMatchObject({ ok: true });
    expect(await bind('o_ivy', await codeOf('o_hal'))).toMatchObject({ ok: true });
    expect(await bind('o_gus', await codeOf('o_ivy'))).toMatchObject({ ok: false, code: 'REFERRAL_CYCLE' });
    expect(referralOf('o_gus')).toBeUndefined();
    // A chain is not a loop: I can still invite someone new.
    expect(await bind('o_leo', await codeOf('o_ivy'))).toMatchObject({ ok: true, data: { referrer: 'o_ivy' } });
  });

  it('leaves no loop when two people bind each other at the same moment', async () => {
    const [jonCode, kimCode] = [await codeOf('o_jon'), await codeOf('o_kim')];
    const replies = await Promise.all([bind('o_kim', jonCode), bind('o_jon', kimCode)]);
    const bound = [referralOf('o_kim'), referralOf('o_jon')].filter(Boolean);
    expect(bound.length).toBeLessThanOrEqual(1);
    for (const r of replies) if (!r.ok) expect(r.code).toMatch(/^REFERRAL_CYCLE$/);
    expect(replies.filter((r) => r.ok)).toHaveLength(bound.length);
  });

  it('refuses unknown and malformed codes and callers without a user', async () => {
    expect(await bind('o_jon', 'ZZZZZZZZ')).toMatchObject({ ok: false, code: 'NOT_FOUND', message: '邀请码无效' });
    expect(await bind('o_jon', 'abc')).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
    expect(await cloud.call<Reply>('referral', { action: 'bind', code: 'ZZZZZZZZ' })).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });
  });
});
