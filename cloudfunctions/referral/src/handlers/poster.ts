import { createHash } from 'crypto';
import { AppError } from '../../../../src/domain/reply';
import { codeFromBytes, sceneOf } from '../../../../src/domain/referral/short-code';
import { parse, v } from '../../../../src/domain/validate';
import { isDuplicateKeyError } from '../../../_shared/db-types';
import { requireUser } from '../../../_shared/roles';
import type { Handler, HandlerContext } from '../../../_shared/router';
import { tempUrls, type CodeDoc, type UserRow } from '../model';

const posterInput = v.object({
  target: v.object({
    type: v.oneOf(['product', 'collection', 'groupbuy', 'home'] as const, { label: '分享内容' }),
    id: v.optional(v.string({ min: 1, max: 64, pattern: /^[A-Za-z0-9_-]+$/, label: '分享内容编号' })),
  }),
});

type Target = CodeDoc['target'];

/** Where the mini-program code opens; the scene carries the code, the home page reads it. */
const LANDING_PAGE = 'pages/home/index';
const CODE_WIDTH = 280;
const MAX_ATTEMPTS = 6;

/**
 * The code for (referrer, target), derived from them: two requests at once derive the same code,
 * the first insert wins and the other finds it. A clash with someone else's code moves to the next
 * attempt's code.
 */
function derivedCode(openid: string, target: Target, attempt: number): string {
  return codeFromBytes(createHash('sha256').update(`${openid}|${target.type}|${target.id ?? ''}|${attempt}`).digest());
}

async function codeFor(ctx: HandlerContext, openid: string, target: Target): Promise<CodeDoc> {
  const codes = ctx.db.collection<CodeDoc>('referral_codes');
  const existing = await codes.where({ openid, 'target.type': target.type, 'target.id': target.id }).limit(1).get();
  if (existing.data[0]) return existing.data[0];
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt += 1) {
    const code = derivedCode(openid, target, attempt);
    const doc: CodeDoc = { _id: code, openid, target, scene: sceneOf(code), scans: 0, createdAt: ctx.now() };
    try {
      await codes.add({ data: doc });
      return doc;
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
      const found = await codes.where({ _id: code }).limit(1).get();
      const other = found.data[0];
      if (other && other.openid === openid && other.target.type === target.type && other.target.id === target.id) return other;
    }
  }
  throw new AppError('CONFLICT');
}

/**
 * The code's image, made by wxacode.getUnlimited once and kept in cloud storage: the API allows
 * 5,000 calls a minute for the whole mini program, and a poster opened again must not spend one.
 */
async function imageFor(ctx: HandlerContext, code: CodeDoc): Promise<string> {
  if (code.imageFileId) return code.imageFileId;
  const image = (await ctx.cloud.openapi.wxacode.getUnlimited({ scene: code.scene, page: LANDING_PAGE, checkPath: false, width: CODE_WIDTH })) as {
    buffer?: Buffer;
    errCode?: number;
  };
  if (!image.buffer) throw new AppError('INTERNAL', '小程序码生成失败，请稍后再试');
  const uploaded = await ctx.cloud.uploadFile({ cloudPath: `referral/${code._id}.png`, fileContent: image.buffer });
  await ctx.db.collection('referral_codes').doc(code._id).update({ data: { imageFileId: uploaded.fileID } });
  return uploaded.fileID;
}

interface ProductRow {
  _id: string;
  title: string;
  price: number;
  cover: string;
  status: string;
}

export interface PosterReply {
  code: string;
  scene: string;
  target: Target;
  codeImage: string;
  sharer: { nickName: string; avatarUrl: string };
  product: { id: string; title: string; price: number; image: string } | null;
  copy: string;
}

/** What the poster draws: the sharer's code (and its image), the sharer, the product, a line of copy. */
export const poster: Handler<PosterReply> = async (event, ctx) => {
  const openid = requireUser(ctx);
  const input = parse(posterInput, event);
  const target: Target = { type: input.target.type, id: input.target.type === 'home' ? null : (input.target.id ?? null) };
  if (target.type !== 'home' && !target.id) throw new AppError('INVALID_INPUT', '分享内容编号不能为空');

  let product: ProductRow | undefined;
  if (target.type === 'product') {
    const found = await ctx.db.collection<ProductRow>('products').where({ _id: target.id, status: 'on_sale' }).limit(1).get();
    product = found.data[0];
    if (!product) throw new AppError('NOT_FOUND', '商品不存在或已下架');
  }
  const users = await ctx.db.collection<UserRow>('users').where({ _id: openid }).limit(1).get();
  const me = users.data[0];
  if (!me) throw new AppError('NOT_FOUND', '还不是会员，请先登录');

  const code = await codeFor(ctx, openid, target);
  const imageFileId = await imageFor(ctx, code);
  const urls = await tempUrls(ctx.cloud, [imageFileId, me.avatarUrl ?? '', product?.cover ?? ''].filter(Boolean));
  const nickName = me.nickName || '微信用户';
  return {
    code: code._id,
    scene: code.scene,
    target,
    codeImage: urls.get(imageFileId) ?? '',
    sharer: { nickName, avatarUrl: me.avatarUrl ? (urls.get(me.avatarUrl) ?? '') : '' },
    product: product ? { id: product._id, title: product.title, price: product.price, image: urls.get(product.cover) ?? '' } : null,
    copy: product ? '推荐你看看这件好衣服，新朋友首单有礼' : '邀请你一起逛织物 Weave，新朋友首单有礼',
  };
};
