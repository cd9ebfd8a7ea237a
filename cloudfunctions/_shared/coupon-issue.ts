/**
 * Issuing a coupon from a template to one person — the one way any function creates a
 * `user_coupons` document (coupon centre claims, points mall exchanges, birthday gifts, referral
 * rewards). docs/data-model.md "Atomic claim":
 *
 *   1. the person's counter `coupon_claims/<templateId>:<openid>`: `claimed <= perUserLimit - 1`
 *      -> `_.inc(1)` (created on the first claim);
 *   2. the template: `where({ _id, status: 'active', claimed: _.lt(total) })` -> `claimed: _.inc(1)`;
 *   3. insert the user coupon (its `_id` is the caller's ref, so the same event never issues twice).
 *
 * Every step is one conditional update, never read-then-write, so total quantity and the per-user
 * limit hold however many claims arrive at once. When a later step fails the earlier counters are
 * given back, so nothing is half-written.
 *
 * API (for other areas):
 *   issueCoupon(db, { templateId, openid, ref, source, now, checks? }) -> { issued, coupon }
 *     - ref: the user coupon's `_id` and the idempotency key. A claim uses a fresh id
 *       (`newCouponRef()`); a system issue uses its event key (`birthday_gift:<openid>:<year>`,
 *       `exchange:<openid>:<requestId>`): a repeat returns the existing coupon with issued=false and
 *       moves no counter.
 *     - checks: what a *person claiming* must satisfy; system issues switch off what does not apply.
 *       { publicOnly = false, claimWindow = true, perUserLimit = true, tier?: TierId }
 *     - throws AppError: NOT_FOUND, COUPON_NOT_CLAIMABLE, COUPON_NOT_STARTED, COUPON_ENDED,
 *       COUPON_TIER_RESTRICTED, COUPON_LIMIT_REACHED, COUPON_SOLD_OUT (nothing written in any case).
 *   withdrawCoupon(db, userCouponId, now?, countedPerson = true) -> boolean
 *     - takes back an *unused* coupon issued moments ago when a later step of the caller failed
 *       (e.g. the points debit of an exchange): removes it and gives both counters back, once.
 */
import { randomInt } from 'crypto';
import type { CouponTemplateDoc, CouponValidity, UserCouponDoc } from '../../scripts/seed/types';
import { AppError } from '../../src/domain/reply';
import type { TierId } from '../../src/domain/tiers';
import { isDuplicateKeyError, type Database } from './db-types';

// The document shapes are docs/data-model.md's, declared once beside the seed that writes them.
export type { CouponKind, CouponValidity, UserCouponUse } from '../../scripts/seed/types';
export type CouponTemplate = CouponTemplateDoc;
export type UserCoupon = UserCouponDoc;
export type CouponSource = UserCouponDoc['source'];

export interface IssueChecks {
  /** Refuse templates with `public: false` (only the system may issue those). Default false. */
  publicOnly?: boolean;
  /** Refuse outside claimStartAt..claimEndAt. Default true. */
  claimWindow?: boolean;
  /** Count against perUserLimit. Default true; a yearly gift keyed by its ref may turn it off. */
  perUserLimit?: boolean;
  /** The person's tier, checked against `tiers` when given. */
  tier?: TierId;
}

export interface IssueCouponInput {
  templateId: string;
  openid: string;
  /** The new coupon's `_id`, and the idempotency key. */
  ref: string;
  source: CouponSource;
  now: Date;
  checks?: IssueChecks;
}

export interface IssueCouponResult {
  /** False when `ref` had been issued before: that coupon is returned and no counter moved. */
  issued: boolean;
  coupon: UserCoupon;
}

const DAY_MS = 24 * 60 * 60 * 1000;
const SHORT_CODE_DIGITS = 8;
const SHORT_CODE_ATTEMPTS = 8;

/** A fresh user coupon id for a claim: readable, unguessable enough, no collision in practice. */
export function newCouponRef(now: Date): string {
  return `uc-${now.getTime().toString(36)}-${randomInt(0, 36 ** 6).toString(36).padStart(6, '0')}`;
}

/** Eight digits staff can type when the QR code will not scan (docs/data-model.md: unique index). */
export function newShortCode(): string {
  return String(randomInt(0, 10 ** SHORT_CODE_DIGITS)).padStart(SHORT_CODE_DIGITS, '0');
}

/** The window a coupon issued now is valid for. */
export function validityFrom(validity: CouponValidity, now: Date): { validFrom: Date; validTo: Date } {
  if (validity.type === 'fixed') return { validFrom: new Date(validity.startAt), validTo: new Date(validity.endAt) };
  return { validFrom: now, validTo: new Date(now.getTime() + validity.days * DAY_MS) };
}

const claimId = (templateId: string, openid: string) => `${templateId}:${openid}`;

async function findCoupon(db: Database, id: string): Promise<UserCoupon | undefined> {
  const found = await db.collection<UserCoupon>('user_coupons').where({ _id: id }).limit(1).get();
  return found.data[0];
}

/** Step 1: one more claim for this person, if under the limit. */
async function takePersonalSlot(db: Database, template: CouponTemplate, openid: string, now: Date): Promise<boolean> {
  const _ = db.command;
  const id = claimId(template._id, openid);
  const claims = db.collection('coupon_claims');
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const bumped = await claims.where({ _id: id, claimed: _.lte(template.perUserLimit - 1) }).update({ data: { claimed: _.inc(1), updatedAt: now } });
    if (bumped.stats.updated === 1) return true;
    try {
      await claims.add({ data: { _id: id, templateId: template._id, openid, claimed: 1, updatedAt: now } });
      return true;
    } catch (error) {
      // Someone created the counter first: it exists now, so the next round's conditional update
      // decides (returning false here refused the second of two simultaneous first claims).
      if (!isDuplicateKeyError(error)) throw error;
    }
  }
  return false;
}

async function givePersonalSlotBack(db: Database, templateId: string, openid: string, now: Date): Promise<void> {
  const _ = db.command;
  await db
    .collection('coupon_claims')
    .where({ _id: claimId(templateId, openid), claimed: _.gte(1) })
    .update({ data: { claimed: _.inc(-1), updatedAt: now } });
}

/** Step 2: one more of the template's total, if any is left. */
async function takeFromTemplate(db: Database, template: CouponTemplate, now: Date): Promise<boolean> {
  const _ = db.command;
  const where: Record<string, unknown> = { _id: template._id, status: 'active' };
  if (template.total !== null) where.claimed = _.lt(template.total);
  const bumped = await db.collection('coupon_templates').where(where).update({ data: { claimed: _.inc(1), updatedAt: now } });
  return bumped.stats.updated === 1;
}

async function giveTemplateBack(db: Database, templateId: string, now: Date): Promise<void> {
  const _ = db.command;
  await db
    .collection('coupon_templates')
    .where({ _id: templateId, claimed: _.gte(1) })
    .update({ data: { claimed: _.inc(-1), updatedAt: now } });
}

function checkClaimable(template: CouponTemplate, input: IssueCouponInput): void {
  const checks = input.checks ?? {};
  const now = input.now.getTime();
  if (template.status !== 'active' || (checks.publicOnly && !template.public)) throw new AppError('COUPON_NOT_CLAIMABLE', '该优惠券暂不可领取');
  if (checks.claimWindow !== false) {
    if (now < new Date(template.claimStartAt).getTime()) throw new AppError('COUPON_NOT_STARTED', '领取尚未开始');
    if (now >= new Date(template.claimEndAt).getTime()) throw new AppError('COUPON_ENDED', '领取已结束');
  }
  if (checks.tier && template.tiers && !template.tiers.includes(checks.tier)) {
    throw new AppError('COUPON_TIER_RESTRICTED', '你的会员等级暂不可领取该券');
  }
  const { validTo } = validityFrom(template.validity, input.now);
  if (validTo.getTime() <= now) throw new AppError('COUPON_ENDED', '该优惠券已过使用期');
}

export async function issueCoupon(db: Database, input: IssueCouponInput): Promise<IssueCouponResult> {
  const previous = await findCoupon(db, input.ref);
  if (previous) return { issued: false, coupon: previous };

  const templates = await db.collection<CouponTemplate>('coupon_templates').where({ _id: input.templateId }).limit(1).get();
  const template = templates.data[0];
  if (!template) throw new AppError('NOT_FOUND', '优惠券不存在');
  checkClaimable(template, input);

  const countPerson = input.checks?.perUserLimit !== false;
  if (countPerson && !(await takePersonalSlot(db, template, input.openid, input.now))) {
    throw new AppError('COUPON_LIMIT_REACHED', template.perUserLimit > 1 ? `每人限领${template.perUserLimit}张，你已领完` : '你已领取过该券');
  }
  const giveBack = async () => {
    if (countPerson) await givePersonalSlotBack(db, template._id, input.openid, input.now);
  };
  if (!(await takeFromTemplate(db, template, input.now))) {
    await giveBack();
    throw new AppError('COUPON_SOLD_OUT', '优惠券已被抢光');
  }

  const { validFrom, validTo } = validityFrom(template.validity, input.now);
  const base: Omit<UserCoupon, 'shortCode'> = {
    _id: input.ref,
    openid: input.openid,
    templateId: template._id,
    title: template.title,
    kind: template.kind,
    rule: template.rule,
    scope: template.scope,
    channel: template.channel,
    storeIds: template.storeIds,
    source: input.source,
    status: 'unused',
    validFrom,
    validTo,
    lock: null,
    use: null,
    cashbackPoints: template.cashbackPoints,
    claimedAt: input.now,
    updatedAt: input.now,
  };
  try {
    for (let attempt = 0; attempt < SHORT_CODE_ATTEMPTS; attempt += 1) {
      const coupon: UserCoupon = { ...base, shortCode: newShortCode() };
      try {
        await db.collection('user_coupons').add({ data: coupon });
        return { issued: true, coupon };
      } catch (error) {
        if (!isDuplicateKeyError(error)) throw error;
        // Either the same ref raced us (idempotent repeat) or the short code collided (draw again).
        const raced = await findCoupon(db, input.ref);
        if (raced) {
          await giveTemplateBack(db, template._id, input.now);
          await giveBack();
          return { issued: false, coupon: raced };
        }
      }
    }
    throw new Error('could not draw a free short code');
  } catch (error) {
    const landed = await findCoupon(db, input.ref).catch(() => undefined);
    // The insert may have landed although its reply was lost: then it was issued, keep it.
    if (landed) return { issued: true, coupon: landed };
    await giveTemplateBack(db, template._id, input.now);
    await giveBack();
    throw error;
  }
}

/**
 * Takes back an unused coupon and its counters; false when it was not there or not unused.
 * `countedPerson` must match the `checks.perUserLimit` it was issued with.
 */
export async function withdrawCoupon(db: Database, userCouponId: string, now: Date = new Date(), countedPerson = true): Promise<boolean> {
  const coupon = await findCoupon(db, userCouponId);
  if (!coupon) return false;
  const removed = await db.collection('user_coupons').where({ _id: userCouponId, status: 'unused' }).remove();
  if (removed.stats.removed !== 1) return false;
  await giveTemplateBack(db, coupon.templateId, now);
  if (countedPerson) await givePersonalSlotBack(db, coupon.templateId, coupon.openid, now);
  return true;
}
