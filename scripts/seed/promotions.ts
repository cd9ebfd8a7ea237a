import { TIERS } from '../../src/domain/tiers';
import type { Catalog } from './catalog';
import type { SeedClock } from './clock';
import { SETTINGS } from './settings';
import { flashSaleItemId } from '../../src/domain/flash-sale/sale';
import { createRng, seedOf } from './random';
import type { CouponTemplateDoc, FlashSaleDoc, GroupbuyActivityDoc } from './types';

type TemplateInput = Omit<CouponTemplateDoc, 'createdAt' | 'updatedAt' | 'createdBy' | 'claimed' | 'used' | 'status'> & {
  /** Claims and uses by people outside the seeded users, so counters look lived-in. */
  baseClaimed: number;
  baseUsed: number;
};

export interface Promotions {
  templates: (CouponTemplateDoc & { baseClaimed: number; baseUsed: number })[];
  groupbuys: GroupbuyActivityDoc[];
  /** Units of each activity SKU bought by people outside the seed (held for fulfilled orders). */
  groupbuyHeldElsewhere: Map<string, number>;
  flashSales: FlashSaleDoc[];
  /** Units of each flash item sold to people outside the seed. */
  flashSoldElsewhere: Map<string, number>;
}

export function buildPromotions(clock: SeedClock, catalog: Catalog): Promotions {
  const claimFrom = clock.daysAgo(20);
  const claimTo = clock.dayAt(25, 0);
  const fixed = (startDaysAgo: number, endInDays: number) =>
    ({ type: 'fixed', startAt: clock.daysAgo(startDaysAgo), endAt: clock.dayAt(endInDays, 0) }) as const;

  const store = (id: string, storeId: string, title: string, rule: CouponTemplateDoc['rule'], total: number, baseClaimed: number, cashbackPoints: number, perUserLimit = 1): TemplateInput => ({
    _id: id,
    title,
    description: '到店出示券码由店员核销，核销后返积分；每次限用一张。',
    kind: 'store',
    rule,
    scope: { type: 'all' },
    channel: 'store',
    storeIds: [storeId],
    total,
    baseClaimed,
    baseUsed: Math.floor(baseClaimed * 0.45),
    perUserLimit,
    tiers: null,
    claimStartAt: claimFrom,
    claimEndAt: claimTo,
    validity: fixed(20, 30),
    pointsCost: null,
    cashbackPoints,
    public: true,
  });

  const inputs: TemplateInput[] = [
    store('tpl-store-jingan', 's-sh-jingan', '静安嘉里中心店 到店满300减50', { kind: 'amount', amountOff: 5000, threshold: 30000 }, 300, 126, 200, 2),
    store('tpl-store-njxl', 's-sh-njxl', '兴业太古汇店 到店8.5折', { kind: 'percent', percentOff: 15, maxOff: 10000, threshold: 20000 }, 200, 88, 150),
    store('tpl-store-xujiahui', 's-sh-xujiahui', '港汇恒隆店 到店满200减30', { kind: 'amount', amountOff: 3000, threshold: 20000 }, 200, 61, 100),
    store('tpl-store-lujiazui', 's-sh-lujiazui', '国金中心店 到店满500减100', { kind: 'amount', amountOff: 10000, threshold: 50000 }, 100, 47, 300),
    store('tpl-store-hubin', 's-hz-hubin', '湖滨银泰in77店 到店满199减30', { kind: 'amount', amountOff: 3000, threshold: 19900 }, 200, 93, 100),
    store('tpl-store-xixi', 's-hz-xixi', '西溪印象城店 到店满299减40', { kind: 'amount', amountOff: 4000, threshold: 29900 }, 150, 38, 120),
    // Nearly gone: the last coupon is a race the demo can show.
    store('tpl-store-sanlitun', 's-bj-sanlitun', '三里屯太古里店 到店满400减60', { kind: 'amount', amountOff: 6000, threshold: 40000 }, 120, 118, 200),
    {
      _id: 'tpl-hz-both',
      title: '杭州门店·线上通用 满259减30',
      description: '线上下单或在杭州两家门店使用。',
      kind: 'store',
      rule: { kind: 'amount', amountOff: 3000, threshold: 25900 },
      scope: { type: 'all' },
      channel: 'both',
      storeIds: ['s-hz-hubin', 's-hz-xixi'],
      total: 500,
      baseClaimed: 210,
      baseUsed: 74,
      perUserLimit: 1,
      tiers: null,
      claimStartAt: claimFrom,
      claimEndAt: claimTo,
      validity: { type: 'relative', days: 14 },
      pointsCost: null,
      cashbackPoints: 100,
      public: true,
    },
    {
      _id: 'tpl-newcomer',
      title: '新人专享 满99减20',
      description: '首次下单可用，领取后7天内有效。',
      kind: 'newcomer',
      rule: { kind: 'amount', amountOff: 2000, threshold: 9900 },
      scope: { type: 'all' },
      channel: 'online',
      storeIds: null,
      total: null,
      baseClaimed: 3120,
      baseUsed: 1408,
      perUserLimit: 1,
      tiers: null,
      claimStartAt: clock.daysAgo(500),
      claimEndAt: clock.dayAt(365, 0),
      validity: { type: 'relative', days: 7 },
      pointsCost: null,
      cashbackPoints: 0,
      public: false,
    },
    {
      _id: 'tpl-online-299-30',
      title: '全场满299减30',
      description: '线上商城全场通用（特价、拼团、秒杀商品除外）。',
      kind: 'online',
      rule: { kind: 'amount', amountOff: 3000, threshold: 29900 },
      scope: { type: 'all' },
      channel: 'online',
      storeIds: null,
      total: 5000,
      baseClaimed: 1833,
      baseUsed: 702,
      perUserLimit: 3,
      tiers: null,
      claimStartAt: clock.daysAgo(400),
      claimEndAt: clock.dayAt(60, 0),
      validity: { type: 'relative', days: 30 },
      pointsCost: null,
      cashbackPoints: 0,
      public: true,
    },
    {
      _id: 'tpl-knit-90',
      title: '针织品类9折',
      description: '针织类商品可用，最高减50元。',
      kind: 'online',
      rule: { kind: 'percent', percentOff: 10, maxOff: 5000, threshold: 0 },
      scope: { type: 'category', ids: ['c-knit'] },
      channel: 'online',
      storeIds: null,
      total: 1000,
      baseClaimed: 264,
      baseUsed: 80,
      perUserLimit: 1,
      tiers: null,
      claimStartAt: clock.daysAgo(15),
      claimEndAt: clock.dayAt(15, 0),
      validity: fixed(15, 20),
      pointsCost: null,
      cashbackPoints: 0,
      public: true,
    },
    {
      _id: 'tpl-denim-30',
      title: '牛仔单品立减30',
      description: '复古牛仔系列满200可用。',
      kind: 'online',
      rule: { kind: 'amount', amountOff: 3000, threshold: 20000 },
      scope: { type: 'product', ids: ['p017', 'p024', 'p028'] },
      channel: 'online',
      storeIds: null,
      total: 800,
      baseClaimed: 301,
      baseUsed: 122,
      perUserLimit: 1,
      tiers: null,
      claimStartAt: clock.daysAgo(60),
      claimEndAt: clock.dayAt(30, 0),
      validity: { type: 'relative', days: 30 },
      pointsCost: null,
      cashbackPoints: 0,
      public: true,
    },
    {
      _id: 'tpl-collection-summer',
      title: '夏季冰感合集专享 满299减40',
      description: '合集内商品可用，限时3天。',
      kind: 'collection',
      rule: { kind: 'amount', amountOff: 4000, threshold: 29900 },
      scope: { type: 'product', ids: catalog.collections.find((c) => c._id === 'col-summer-cool')?.productIds ?? [] },
      channel: 'online',
      storeIds: null,
      total: 1000,
      baseClaimed: 356,
      baseUsed: 41,
      perUserLimit: 1,
      tiers: null,
      claimStartAt: clock.daysAgo(1),
      claimEndAt: clock.dayAt(3, 0),
      validity: { type: 'fixed', startAt: clock.daysAgo(1), endAt: clock.dayAt(3, 0) },
      pointsCost: null,
      cashbackPoints: 0,
      public: true,
    },
    {
      _id: 'tpl-points-10',
      title: '10元无门槛券',
      description: '积分兑换，线上门店通用。',
      kind: 'points',
      rule: { kind: 'amount', amountOff: 1000, threshold: 0 },
      scope: { type: 'all' },
      channel: 'both',
      storeIds: null,
      total: null,
      baseClaimed: 942,
      baseUsed: 611,
      perUserLimit: 5,
      tiers: null,
      claimStartAt: clock.daysAgo(365),
      claimEndAt: clock.dayAt(365, 0),
      validity: { type: 'relative', days: 30 },
      pointsCost: 800,
      cashbackPoints: 0,
      public: true,
    },
    {
      _id: 'tpl-points-30',
      title: '满200减30券',
      description: '积分兑换，线上门店通用。',
      kind: 'points',
      rule: { kind: 'amount', amountOff: 3000, threshold: 20000 },
      scope: { type: 'all' },
      channel: 'both',
      storeIds: null,
      total: null,
      baseClaimed: 377,
      baseUsed: 208,
      perUserLimit: 5,
      tiers: null,
      claimStartAt: clock.daysAgo(365),
      claimEndAt: clock.dayAt(365, 0),
      validity: { type: 'relative', days: 30 },
      pointsCost: 2000,
      cashbackPoints: 0,
      public: true,
    },
    {
      _id: 'tpl-referral-milestone',
      title: '邀请有礼 满199减50',
      description: `邀请${SETTINGS.referral.milestoneInvites}位好友完成首单即得。`,
      kind: 'referral',
      rule: { kind: 'amount', amountOff: 5000, threshold: 19900 },
      scope: { type: 'all' },
      channel: 'both',
      storeIds: null,
      total: null,
      baseClaimed: 58,
      baseUsed: 31,
      perUserLimit: 99,
      tiers: null,
      claimStartAt: clock.daysAgo(365),
      claimEndAt: clock.dayAt(365, 0),
      validity: { type: 'relative', days: 30 },
      pointsCost: null,
      cashbackPoints: 0,
      public: false,
    },
  ];

  const birthdayRules: Record<string, [number, number]> = {
    normal: [1000, 10000],
    silver: [2000, 15000],
    gold: [5000, 20000],
    diamond: [10000, 30000],
  };
  for (const tier of TIERS) {
    const [off, threshold] = birthdayRules[tier.id];
    inputs.push({
      _id: tier.birthdayCouponTemplateId,
      title: `${tier.name}生日礼券 满${threshold / 100}减${off / 100}`,
      description: '生日当天自动发放，30天内线上门店通用。',
      kind: 'birthday',
      rule: { kind: 'amount', amountOff: off, threshold },
      scope: { type: 'all' },
      channel: 'both',
      storeIds: null,
      total: null,
      baseClaimed: 40 + tier.rank * 13,
      baseUsed: 22 + tier.rank * 7,
      perUserLimit: 1,
      tiers: [tier.id],
      claimStartAt: clock.daysAgo(500),
      claimEndAt: clock.dayAt(365, 0),
      validity: { type: 'relative', days: 30 },
      pointsCost: null,
      cashbackPoints: 0,
      public: false,
    });
  }

  const templates = inputs.map((t) => ({
    ...t,
    claimed: 0,
    used: 0,
    status: 'active' as const,
    createdBy: 'o_manager_chen',
    createdAt: t.claimStartAt,
    updatedAt: clock.daysAgo(1),
  }));

  const skuPrice = new Map(catalog.skus.map((k) => [k._id, k.price]));
  const skusOf = (productId: string) => catalog.skus.filter((k) => k.productId === productId);
  const held = new Map<string, number>();
  const activity = (a: Omit<GroupbuyActivityDoc, 'skus'>, groupPrice: number, perSku: number, soldShare: number): GroupbuyActivityDoc => {
    const rng = createRng(seedOf(a._id));
    for (const k of skusOf(a.productId)) held.set(`${a._id}:${k._id}`, Math.floor(perSku * soldShare * rng.next()));
    return { ...a, skus: skusOf(a.productId).map((k) => ({ skuId: k._id, normalPrice: k.price, groupPrice, stock: perSku })) };
  };
  const ms = (d: Date) => d.getTime();
  const groupbuys: GroupbuyActivityDoc[] = [
    activity({ _id: 'gb-icesilk-tee', title: '冰丝凉感T恤 2人团', productId: 'p001', groupSize: 2, timeLimitMinutes: 24 * 60, perUserLimit: 2, startsAt: ms(clock.daysAgo(2)), endsAt: ms(clock.dayAt(8, 0)), status: 'active', createdAt: clock.daysAgo(3) }, 5900, 25, 0.4),
    activity({ _id: 'gb-denim', title: '复古直筒牛仔裤 3人团', productId: 'p017', groupSize: 3, timeLimitMinutes: 48 * 60, perUserLimit: 1, startsAt: ms(clock.daysAgo(10)), endsAt: ms(clock.dayAt(10, 0)), status: 'active', createdAt: clock.daysAgo(11) }, 16900, 8, 0.5),
    activity({ _id: 'gb-tote', title: '环保帆布托特包 5人团', productId: 'p044', groupSize: 5, timeLimitMinutes: 24 * 60, perUserLimit: 3, startsAt: ms(clock.daysAgo(12)), endsAt: ms(clock.dayAt(18, 0)), status: 'active', createdAt: clock.daysAgo(13) }, 4900, 80, 0.3),
  ];

  const sale = (s: Omit<FlashSaleDoc, 'items'>, items: { skuId: string; salePrice: number; stock: number }[]): FlashSaleDoc => ({
    ...s,
    items: items.map((i) => ({
      id: flashSaleItemId(s._id, i.skuId),
      skuId: i.skuId,
      productId: i.skuId.split('-')[0],
      normalPrice: skuPrice.get(i.skuId) ?? 0,
      salePrice: i.salePrice,
      stock: i.stock,
      perUserLimit: 1,
    })),
  });
  const flashSales: FlashSaleDoc[] = [
    sale({ _id: 'fs-now', title: '限时秒杀 · 爆款低至5折', startsAt: ms(clock.hoursAgo(1)), endsAt: ms(clock.now) + 3 * 3_600_000, status: 'active', createdAt: clock.daysAgo(3) }, [
      { skuId: 'p039-grey-m', salePrice: 12900, stock: 10 },
      { skuId: 'p039-grey-l', salePrice: 12900, stock: 10 },
      { skuId: 'p039-black-m', salePrice: 12900, stock: 15 },
      { skuId: 'p039-black-l', salePrice: 12900, stock: 15 },
      { skuId: 'p018-black-s', salePrice: 14900, stock: 8 },
      { skuId: 'p018-black-m', salePrice: 14900, stock: 12 },
      { skuId: 'p018-oat-m', salePrice: 14900, stock: 12 },
      { skuId: 'p033-oat-m', salePrice: 16900, stock: 10 },
      { skuId: 'p033-navy-m', salePrice: 16900, stock: 10 },
    ]),
    sale({ _id: 'fs-next', title: '明日10点 · 外套专场', startsAt: ms(clock.dayAt(1, 10)), endsAt: ms(clock.dayAt(1, 12)), status: 'active', createdAt: clock.daysAgo(1) }, [
      { skuId: 'p027-khaki-s', salePrice: 45900, stock: 5 },
      { skuId: 'p027-khaki-m', salePrice: 45900, stock: 5 },
      { skuId: 'p027-khaki-l', salePrice: 45900, stock: 5 },
      { skuId: 'p031-black-m', salePrice: 39900, stock: 6 },
      { skuId: 'p031-ivory-m', salePrice: 39900, stock: 6 },
    ]),
  ];
  // The sale running now has been busy: two SKUs already gone, the rest going.
  const sold = new Map<string, number>();
  for (const item of flashSales[0].items) {
    sold.set(item.id, item.skuId === 'p039-grey-m' || item.skuId === 'p018-black-s' ? item.stock : Math.floor(item.stock / 3));
  }

  return { templates, groupbuys, groupbuyHeldElsewhere: held, flashSales, flashSoldElsewhere: sold };
}
