import { formatFen, type Fen } from '../money';
import { parse, v, ValidationError } from '../validate';

/**
 * A group-buy activity (拼团活动) as operations configure it, and the validation of that config.
 * Times are UTC epoch milliseconds; prices are fen.
 */
export interface GroupBuySku {
  readonly skuId: string;
  /** The catalogue price when the activity was saved, kept so "省¥X" and the check below agree. */
  readonly normalPrice: Fen;
  /** What each member pays per unit; always below normalPrice. */
  readonly groupPrice: Fen;
  /** Units this activity may sell of this SKU, across all its groups. */
  readonly stock: number;
}

export interface GroupBuyActivity {
  readonly id: string;
  readonly title: string;
  readonly skus: readonly GroupBuySku[];
  /** N: paid members (leader included) a group needs to succeed. */
  readonly groupSize: number;
  /** How long a group has to fill, counted from the leader's payment. */
  readonly timeLimitMinutes: number;
  /** Units one person may hold across the whole activity (all groups, all SKUs); refunds give them back. */
  readonly perUserLimit: number;
  readonly startsAt: number;
  readonly endsAt: number;
}

/** A group of one is a purchase, not a group; above 10 friends rarely fill it before the deadline. */
export const GROUP_SIZE_MIN = 2;
export const GROUP_SIZE_MAX = 10;
/** Shorter than this leaves no time to share; longer holds members' money for too long. */
export const TIME_LIMIT_MIN_MINUTES = 10;
export const TIME_LIMIT_MAX_MINUTES = 7 * 24 * 60;

const schema = v.object({
  id: v.string({ min: 1, max: 64, label: '活动编号' }),
  title: v.string({ min: 1, max: 30, label: '活动名称' }),
  skus: v.array(
    v.object({
      skuId: v.string({ min: 1, max: 64, label: '商品规格' }),
      groupPrice: v.int({ min: 1, label: '拼团价（分）' }),
      stock: v.int({ min: 1, max: 1_000_000, label: '拼团库存' }),
    }),
    { min: 1, max: 50, label: '活动商品' },
  ),
  groupSize: v.int({ min: GROUP_SIZE_MIN, max: GROUP_SIZE_MAX, label: '成团人数' }),
  timeLimitMinutes: v.int({ min: TIME_LIMIT_MIN_MINUTES, max: TIME_LIMIT_MAX_MINUTES, label: '成团时限（分钟）' }),
  perUserLimit: v.int({ min: 1, max: 99, label: '每人限购' }),
  startsAt: v.int({ min: 0, label: '开始时间' }),
  endsAt: v.int({ min: 0, label: '结束时间' }),
});

/**
 * Validates what the admin page sends. `catalogPrice` is the server's own lookup of a SKU's
 * normal price: the request never says what the normal price is, so nobody can pass a "group
 * price below normal" check by inventing a higher normal price. Throws ValidationError
 * (INVALID_INPUT) naming the field in Chinese.
 */
export function parseGroupBuyActivity(input: unknown, catalogPrice: (skuId: string) => Fen | undefined): GroupBuyActivity {
  const raw = parse(schema, input);
  if (raw.endsAt <= raw.startsAt) throw new ValidationError('结束时间', '应晚于开始时间');
  const seen = new Set<string>();
  const skus = raw.skus.map((sku, i) => {
    const which = `第${i + 1}个商品规格`;
    if (seen.has(sku.skuId)) throw new ValidationError(which, '重复了');
    seen.add(sku.skuId);
    const normalPrice = catalogPrice(sku.skuId);
    if (normalPrice === undefined) throw new ValidationError(which, '不存在或已下架');
    if (sku.groupPrice >= normalPrice) {
      throw new ValidationError(`${which}的拼团价`, `应低于原价${formatFen(normalPrice)}`);
    }
    return { skuId: sku.skuId, normalPrice, groupPrice: sku.groupPrice, stock: sku.stock };
  });
  return { ...raw, skus };
}

export type ActivityStatus = 'upcoming' | 'active' | 'ended';

/** Active on [startsAt, endsAt): the end instant itself already belongs to "ended". */
export function activityStatus(activity: Pick<GroupBuyActivity, 'startsAt' | 'endsAt'>, now: number): ActivityStatus {
  if (now < activity.startsAt) return 'upcoming';
  return now < activity.endsAt ? 'active' : 'ended';
}

export function findSku(activity: GroupBuyActivity, skuId: string): GroupBuySku | undefined {
  return activity.skus.find((s) => s.skuId === skuId);
}

/** What the customer saves per unit, for "拼团省¥X". */
export function groupSaving(sku: GroupBuySku): Fen {
  return sku.normalPrice - sku.groupPrice;
}
