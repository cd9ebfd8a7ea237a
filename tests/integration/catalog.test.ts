/**
 * The catalog function through the local CloudBase: the shop window a shopper sees (home, the
 * category rail, search, the product page) and the restock alert with its timer.
 */
import { startLocalCloud, type LocalCloud } from '../support/local-cloud';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = any;
type Reply = { ok: true; data: Loose } | { ok: false; code: string; message: string };

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const RESTOCK_TEMPLATE = 'TPL_RST_TEST';

const topsGuide = { unit: 'cm', columns: ['尺码', '胸围'], rows: [['S', '92'], ['M', '96'], ['L', '100']], tips: '平铺测量' };
const shirtGuide = { unit: 'cm', columns: ['尺码', '肩宽'], rows: [['M', '40']], tips: '按肩宽选' };

const COLORS: Record<string, { name: string; hex: string }> = {
  white: { name: '白色', hex: '#F4F2EE' },
  haze: { name: '雾霾蓝', hex: '#8CA2B8' },
  black: { name: '黑色', hex: '#27272B' },
};

interface Def {
  id: string;
  categoryId: string;
  title: string;
  tags: string[];
  price: number;
  sales: number;
  launchAt: number;
  status?: 'on_sale' | 'off_shelf';
  priorityPurchase?: boolean;
  colors?: string[];
  sizes?: string[];
  sizeGuide?: typeof shirtGuide | null;
}

function build(now: number) {
  const defs: Def[] = [
    { id: 'p-tee', categoryId: 'c-tops', title: '冰丝凉感T恤', tags: ['通勤', '环保面料'], price: 9900, sales: 300, launchAt: now - 40 * DAY, colors: ['white', 'haze'] },
    { id: 'p-linen', categoryId: 'c-tops', title: '亚麻休闲衬衫', tags: ['通勤'], price: 25900, sales: 120, launchAt: now - 5 * DAY, sizeGuide: shirtGuide },
    { id: 'p-retro', categoryId: 'c-tops', title: '复古水洗牛仔夹克', tags: ['复古'], price: 45900, sales: 50, launchAt: now - 100 * DAY },
    { id: 'p-plus', categoryId: 'c-tops', title: '宽松版 A+B 阔腿裤', tags: ['大码'], price: 19900, sales: 80, launchAt: now - 200 * DAY },
    { id: 'p-drop', categoryId: 'c-tops', title: '羊绒圆领开衫', tags: ['复古'], price: 89900, sales: 0, launchAt: now + HOUR, priorityPurchase: true },
    { id: 'p-old', categoryId: 'c-tops', title: '旧款连帽卫衣', tags: ['运动'], price: 5000, sales: 900, launchAt: now - 300 * DAY, status: 'off_shelf' },
    { id: 'p-bag', categoryId: 'c-bags', title: '环保帆布托特包', tags: ['环保面料'], price: 7900, sales: 500, launchAt: now - 60 * DAY, colors: ['black'], sizes: ['均码'] },
  ];
  const stockOf: Record<string, number> = { 'p-tee-haze-l': 0, 'p-tee-haze-m': 3 };
  const products: Loose[] = [];
  const skus: Loose[] = [];
  for (const d of defs) {
    const colors = d.colors ?? ['black'];
    const sizes = d.sizes ?? ['S', 'M', 'L'];
    const image = (key: string) => `cloud://weave-local.local/products/${d.id}/${key}.png`;
    for (const key of colors) {
      for (const size of sizes) {
        const id = `${d.id}-${key}-${size.toLowerCase()}`;
        // The tee is not made in 雾霾蓝 S, and its white S was taken off sale: both are not offered.
        if (id === 'p-tee-haze-s') continue;
        skus.push({
          _id: id,
          productId: d.id,
          colorKey: key,
          colorName: COLORS[key].name,
          size,
          specText: `${COLORS[key].name} / ${size}`,
          price: d.price,
          listPrice: d.price + 3000,
          stock: stockOf[id] ?? 20,
          sales: 0,
          image: image(key),
          status: id === 'p-tee-white-s' ? 'off_shelf' : 'on_sale',
          updatedAt: new Date(now),
        });
      }
    }
    products.push({
      _id: d.id,
      categoryId: d.categoryId,
      title: d.title,
      subtitle: `${d.title}副标题`,
      description: '描述',
      material: '棉',
      care: '手洗',
      styleTags: d.tags,
      images: colors.map(image),
      cover: image(colors[0]),
      colors: colors.map((key) => ({ key, name: COLORS[key].name, hex: COLORS[key].hex, image: image(key) })),
      sizes,
      price: d.price,
      listPrice: d.price + 3000,
      maxPrice: d.price,
      sales: d.sales,
      status: d.status ?? 'on_sale',
      launchAt: new Date(d.launchAt),
      priorityPurchase: d.priorityPurchase ?? false,
      sizeGuide: d.sizeGuide ?? null,
      searchText: [d.title, `${d.title}副标题`, ...d.tags, ...colors.map((k) => COLORS[k].name)].join(' ').toLowerCase(),
      createdAt: new Date(d.launchAt),
      updatedAt: new Date(d.launchAt),
    });
  }

  const template = (id: string, over: Loose) => ({
    _id: id,
    title: id,
    description: '',
    kind: 'online',
    rule: { kind: 'amount', amountOff: 1000, threshold: 0 },
    scope: { type: 'all' },
    channel: 'online',
    storeIds: null,
    total: null,
    claimed: 0,
    used: 0,
    perUserLimit: 1,
    tiers: null,
    claimStartAt: new Date(now - DAY),
    claimEndAt: new Date(now + 10 * DAY),
    validity: { type: 'relative', days: 7 },
    pointsCost: null,
    cashbackPoints: 0,
    public: true,
    status: 'active',
    createdBy: 'o_boss',
    createdAt: new Date(now - DAY),
    updatedAt: new Date(now - DAY),
    ...over,
  });

  const window = (startOffset: number, endOffset: number) => ({ startAt: new Date(now + startOffset), endAt: new Date(now + endOffset) });
  return {
    settings: [
      { _id: 'catalog', newArrivalDays: 14, lowStockThreshold: 5, updatedAt: new Date(now) },
      { _id: 'subscribeTemplates', restock: { id: RESTOCK_TEMPLATE, title: '到货提醒', fields: ['thing1', 'thing2'] }, updatedAt: new Date(now) },
    ],
    categories: [
      { _id: 'c-tops', name: '上衣', icon: 'cloud://weave-local.local/categories/c-tops.png', sort: 10, sizeGuide: topsGuide, status: 'active', createdAt: new Date(now), updatedAt: new Date(now) },
      { _id: 'c-bags', name: '包袋', icon: 'cloud://weave-local.local/categories/c-bags.png', sort: 20, sizeGuide: topsGuide, status: 'active', createdAt: new Date(now), updatedAt: new Date(now) },
      { _id: 'c-hidden', name: '隐藏', icon: '', sort: 30, sizeGuide: topsGuide, status: 'hidden', createdAt: new Date(now), updatedAt: new Date(now) },
    ],
    products,
    skus,
    users: [
      { _id: 'o_normal', openid: 'o_normal', tier: 'normal' },
      { _id: 'o_silver', openid: 'o_silver', tier: 'silver' },
      { _id: 'o_gold', openid: 'o_gold', tier: 'gold' },
      { _id: 'o_diamond', openid: 'o_diamond', tier: 'diamond' },
    ],
    user_tags: [{ _id: 'o_gold', openid: 'o_gold', interests: ['复古'], tags: [], tier: 'gold' }],
    banners: [
      { _id: 'bn-live', title: '夏季冰感', subtitle: '新品上市', image: 'cloud://weave-local.local/banners/bn-live.png', link: { type: 'product', id: 'p-tee' }, sort: 10, status: 'active', ...window(-DAY, DAY), createdAt: new Date(now) },
      { _id: 'bn-hidden', title: '隐藏', subtitle: '', image: '', link: { type: 'page', path: '/pages/home/index' }, sort: 20, status: 'hidden', ...window(-DAY, DAY), createdAt: new Date(now) },
      { _id: 'bn-over', title: '已结束', subtitle: '', image: '', link: { type: 'page', path: '/pages/home/index' }, sort: 30, status: 'active', ...window(-3 * DAY, -DAY), createdAt: new Date(now) },
    ],
    collections: [
      { _id: 'col-summer', title: '夏季冰感穿搭', subtitle: '通勤也清凉', description: '', cover: 'cloud://weave-local.local/collections/col-summer.png', styleTags: ['通勤'], productIds: ['p-tee', 'p-linen'], offer: null, sort: 10, status: 'active', createdAt: new Date(now), updatedAt: new Date(now) },
      { _id: 'col-off', title: '下线合集', subtitle: '', description: '', cover: '', styleTags: [], productIds: [], offer: null, sort: 20, status: 'hidden', createdAt: new Date(now), updatedAt: new Date(now) },
    ],
    coupon_templates: [
      template('tpl-all-299', { rule: { kind: 'amount', amountOff: 3000, threshold: 29900 } }),
      template('tpl-tops', { scope: { type: 'category', ids: ['c-tops'] }, channel: 'both', rule: { kind: 'amount', amountOff: 1000, threshold: 9900 } }),
      template('tpl-bags', { scope: { type: 'category', ids: ['c-bags'] } }),
      template('tpl-store-only', { channel: 'store', kind: 'store' }),
      template('tpl-gold', { tiers: ['gold', 'diamond'], rule: { kind: 'percent', percentOff: 15, maxOff: 5000, threshold: 0 } }),
      template('tpl-points', { pointsCost: 800 }),
      template('tpl-gone', { total: 10, claimed: 10 }),
      template('tpl-private', { public: false }),
      template('tpl-later', { claimStartAt: new Date(now + DAY) }),
    ],
    flash_sales: [
      {
        _id: 'fs-now',
        title: '限时秒杀',
        startsAt: now - HOUR,
        endsAt: now + 2 * HOUR,
        items: [
          { id: 'fs-now:p-tee-white-m', skuId: 'p-tee-white-m', productId: 'p-tee', normalPrice: 9900, salePrice: 5900, stock: 10, perUserLimit: 1 },
          { id: 'fs-now:p-tee-white-l', skuId: 'p-tee-white-l', productId: 'p-tee', normalPrice: 9900, salePrice: 6900, stock: 10, perUserLimit: 1 },
        ],
        status: 'active',
        createdAt: new Date(now - DAY),
      },
      {
        _id: 'fs-later',
        title: '外套专场',
        startsAt: now + 5 * HOUR,
        endsAt: now + 7 * HOUR,
        items: [{ id: 'fs-later:p-bag-black-均码', skuId: 'p-bag-black-均码', productId: 'p-bag', normalPrice: 7900, salePrice: 3900, stock: 5, perUserLimit: 1 }],
        status: 'active',
        createdAt: new Date(now - DAY),
      },
      { _id: 'fs-withdrawn', title: '撤下', startsAt: now - HOUR, endsAt: now + HOUR, items: [], status: 'withdrawn', createdAt: new Date(now - DAY) },
    ],
    flash_stock: [
      { _id: 'fs-now:p-tee-white-m', stock: 4, sold: 6 },
      { _id: 'fs-now:p-tee-white-l', stock: 0, sold: 10 },
      { _id: 'fs-later:p-bag-black-均码', stock: 5, sold: 0 },
    ],
    groupbuy_activities: [
      {
        _id: 'gb-bag',
        title: '托特包 3人团',
        productId: 'p-bag',
        skus: [{ skuId: 'p-bag-black-均码', normalPrice: 7900, groupPrice: 4900, stock: 30 }],
        groupSize: 3,
        timeLimitMinutes: 1440,
        perUserLimit: 2,
        startsAt: now - DAY,
        endsAt: now + 5 * DAY,
        status: 'active',
        createdAt: new Date(now - DAY),
      },
    ],
  };
}

let cloud: LocalCloud;
/** The emulator's clock when the seed was written: sale windows are relative to it. */
let seededAt = 0;
const call = (data: Record<string, unknown>, openid?: string) => cloud.call<Reply>('catalog', data, openid);
const data = async (input: Record<string, unknown>, openid?: string) => {
  const reply = await call(input, openid);
  if (!reply.ok) throw new Error(`${reply.code} ${reply.message}`);
  return reply.data;
};
const ids = (items: { id: string }[]) => items.map((i) => i.id);

beforeAll(async () => {
  cloud = await startLocalCloud({ seed: async ({ clock }) => {
      seededAt = clock.now();
      return build(seededAt);
    },
  });
});

afterAll(() => cloud.close());

describe('catalog.home', () => {
  it('shows live banners, active outfit collections and the last 14 days of arrivals, upcoming drops included', async () => {
    const home = await data({ action: 'home' }, 'o_normal');
    expect(ids(home.banners)).toEqual(['bn-live']);
    expect(home.banners[0].link).toEqual({ type: 'product', id: 'p-tee' });
    expect(ids(home.collections)).toEqual(['col-summer']);
    expect(home.collections[0].productCount).toBe(2);
    expect(home.newArrivals.map((p: Loose) => [p.id, p.badge])).toEqual([
      ['p-drop', '即将开售'],
      ['p-linen', '新品'],
    ]);
  });

  it('lists running and upcoming flash sales with one card per product and the stock left', async () => {
    const home = await data({ action: 'home' }, 'o_normal');
    expect(home.flashSales.map((s: Loose) => [s.id, s.status])).toEqual([
      ['fs-now', 'active'],
      ['fs-later', 'upcoming'],
    ]);
    const [running, later] = home.flashSales;
    expect(running.text).toMatch(/^距结束 0[12]:\d\d:\d\d$/);
    expect(running.countdownTo).toBe(seededAt + 2 * HOUR);
    expect(running.items).toEqual([{ productId: 'p-tee', title: '冰丝凉感T恤', cover: 'cloud://weave-local.local/products/p-tee/white.png', salePrice: 5900, normalPrice: 9900, stockLeft: 4, soldOut: false }]);
    expect(later.countdownTo).toBe(seededAt + 5 * HOUR);
  });

  it('counts a gold member down to their own, earlier opening of an upcoming sale', async () => {
    const home = await data({ action: 'home' }, 'o_gold');
    const later = home.flashSales.find((s: Loose) => s.id === 'fs-later');
    expect(later.countdownTo).toBe(seededAt + 3 * HOUR);
  });

  it('shows running group buys with the lowest group price', async () => {
    const home = await data({ action: 'home' }, 'o_normal');
    expect(home.groupBuys).toEqual([expect.objectContaining({ id: 'gb-bag', productId: 'p-bag', productTitle: '环保帆布托特包', groupSize: 3, groupPrice: 4900, normalPrice: 7900 })]);
  });

  it('picks for a member by their interest tags, and best sellers for someone without any', async () => {
    const gold = await data({ action: 'home' }, 'o_gold');
    expect(gold.forYou.basis).toBe('interests');
    expect(ids(gold.forYou.products).slice(0, 2)).toEqual(['p-retro', 'p-drop']);

    const normal = await data({ action: 'home' }, 'o_normal');
    expect(normal.forYou.basis).toBe('popular');
    expect(ids(normal.forYou.products)).toEqual(['p-bag', 'p-tee', 'p-linen', 'p-plus', 'p-retro', 'p-drop']);

    const anonymous = await data({ action: 'home' });
    expect(anonymous.forYou.basis).toBe('popular');
    expect(anonymous.tier).toBe('normal');
  });
});

describe('catalog.categories', () => {
  it('lists active categories in order with how many products are on sale in each', async () => {
    const result = await data({ action: 'categories' });
    expect(result.categories.map((c: Loose) => [c.id, c.name, c.count])).toEqual([
      ['c-tops', '上衣', 5],
      ['c-bags', '包袋', 1],
    ]);
    expect(result.total).toBe(6);
    expect(result.styleTags).toEqual(
      expect.arrayContaining([
        { tag: '复古', count: 2 },
        { tag: '通勤', count: 2 },
        { tag: '环保面料', count: 2 },
        { tag: '大码', count: 1 },
      ]),
    );
    expect(result.styleTags.map((t: Loose) => t.tag)).not.toContain('运动');
    expect(result.priceBands.map((b: Loose) => b.label)).toEqual(['¥100以下', '¥100-199', '¥200-399', '¥400以上']);
  });
});

describe('catalog.search', () => {
  const search = (input: Record<string, unknown>) => data({ action: 'search', ...input });

  it('returns what is on sale, best sellers first by default, never an off-shelf product', async () => {
    const result = await search({});
    expect(ids(result.items)).toEqual(['p-bag', 'p-tee', 'p-linen', 'p-plus', 'p-retro', 'p-drop']);
    expect(result).toMatchObject({ total: 6, page: 1, hasMore: false });
    expect(result.items[1]).toMatchObject({ title: '冰丝凉感T恤', price: 9900, listPrice: 12900, cover: 'cloud://weave-local.local/products/p-tee/white.png' });
  });

  it('filters by category, style tag and price band', async () => {
    expect(ids((await search({ categoryId: 'c-bags' })).items)).toEqual(['p-bag']);
    expect(ids((await search({ tag: '复古' })).items)).toEqual(['p-retro', 'p-drop']);
    expect(ids((await search({ priceMin: 10000, priceMax: 29999 })).items)).toEqual(['p-linen', 'p-plus']);
    expect(ids((await search({ priceMin: 40000 })).items)).toEqual(['p-retro', 'p-drop']);
    expect(ids((await search({ priceMax: 9900 })).items)).toEqual(['p-bag', 'p-tee']);
    expect(ids((await search({ categoryId: 'c-tops', tag: '通勤', priceMax: 20000 })).items)).toEqual(['p-tee']);
  });

  it('lists the products of an outfit collection, and refuses a collection taken down', async () => {
    const result = await search({ collectionId: 'col-summer', sort: 'price_asc' });
    expect(ids(result.items)).toEqual(['p-tee', 'p-linen']);
    expect(result.collection).toMatchObject({ id: 'col-summer', title: '夏季冰感穿搭' });
    expect(await call({ action: 'search', collectionId: 'col-off' })).toEqual({ ok: false, code: 'NOT_FOUND', message: '该穿搭合集已下线' });
  });

  it('matches a keyword in title, subtitle or tags, literally and ignoring case', async () => {
    expect(ids((await search({ keyword: '衬衫' })).items)).toEqual(['p-linen']);
    expect(ids((await search({ keyword: '环保' })).items)).toEqual(['p-bag', 'p-tee']);
    expect(ids((await search({ keyword: 'a+b' })).items)).toEqual(['p-plus']);
    expect(ids((await search({ keyword: '  副标题 ' })).items)).toHaveLength(6);
    const wildcard = await search({ keyword: '.*' });
    expect(wildcard).toMatchObject({ items: [], total: 0, hasMore: false });
  });

  it('sorts by newest and by price both ways', async () => {
    expect(ids((await search({ sort: 'newest' })).items)).toEqual(['p-drop', 'p-linen', 'p-tee', 'p-bag', 'p-retro', 'p-plus']);
    expect(ids((await search({ sort: 'price_asc' })).items)).toEqual(['p-bag', 'p-tee', 'p-plus', 'p-linen', 'p-retro', 'p-drop']);
    expect(ids((await search({ sort: 'price_desc' })).items)).toEqual(['p-drop', 'p-retro', 'p-linen', 'p-plus', 'p-tee', 'p-bag']);
  });

  it('pages without overlap and says when there is more', async () => {
    const pages = [];
    for (let page = 1; page <= 3; page += 1) pages.push(await search({ sort: 'price_asc', page, pageSize: 2 }));
    expect(pages.map((p) => p.hasMore)).toEqual([true, true, false]);
    expect(pages.flatMap((p) => ids(p.items))).toEqual(['p-bag', 'p-tee', 'p-plus', 'p-linen', 'p-retro', 'p-drop']);
    expect(await search({ page: 4, pageSize: 2 })).toMatchObject({ items: [], total: 6, hasMore: false });
  });

  it('drops unknown keys, so a caller cannot widen the search to off-shelf products', async () => {
    expect((await search({ status: 'off_shelf', where: { status: 'off_shelf' } })).total).toBe(6);
  });

  it('refuses bad input with a message naming the field', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ sort: 'random' }, '排序方式不在可选范围内'],
      [{ pageSize: 100 }, '每页数量不能大于40'],
      [{ page: 0 }, '页码不能小于1'],
      [{ priceMin: 30000, priceMax: 10000 }, '最低价不能高于最高价'],
      [{ priceMin: 99.5 }, '最低价应为整数'],
      [{ keyword: 42 }, '搜索词应为文本'],
    ];
    for (const [input, message] of cases) {
      expect(await call({ action: 'search', ...input })).toEqual({ ok: false, code: 'INVALID_INPUT', message });
    }
  });
});

describe('catalog.product', () => {
  it('lays the SKUs out as colour x size with stock, sold-out flags and gaps where nothing is made', async () => {
    const page = await data({ action: 'product', id: 'p-tee' }, 'o_normal');
    expect(page.product).toMatchObject({ id: 'p-tee', title: '冰丝凉感T恤', categoryName: '上衣', price: 9900, listPrice: 12900 });
    const { skus } = page;
    expect(skus.colors.map((c: Loose) => [c.name, c.soldOut])).toEqual([
      ['白色', false],
      ['雾霾蓝', false],
    ]);
    expect(skus.sizes.map((s: Loose) => s.size)).toEqual(['S', 'M', 'L']);
    const grid = skus.cells.map((row: Loose[]) => row.map((cell) => (cell ? `${cell.stock}${cell.soldOut ? '售罄' : ''}` : '—')));
    expect(grid).toEqual([
      ['—', '20', '20'],
      ['—', '3', '0售罄'],
    ]);
    expect(skus.cells[1][2]).toMatchObject({ skuId: 'p-tee-haze-l', specText: '雾霾蓝 / L', price: 9900 });
    expect(skus.sizes[0]).toEqual({ size: 'S', soldOut: true });
    expect(skus.totalStock).toBe(43);
    expect(page.lowStockThreshold).toBe(5);
  });

  it("shows the category's size guide unless the product has its own", async () => {
    expect((await data({ action: 'product', id: 'p-tee' })).sizeGuide).toEqual(topsGuide);
    expect((await data({ action: 'product', id: 'p-linen' })).sizeGuide).toEqual(shirtGuide);
  });

  it("previews the member price for the caller's tier and the next tier up", async () => {
    const preview = async (openid?: string) => (await data({ action: 'product', id: 'p-tee' }, openid)).memberPrice;
    expect(await preview('o_normal')).toEqual({ tierId: 'normal', tierName: '普通', discountText: null, price: 9900, next: { tierId: 'silver', tierName: '银卡', discountText: '9.8折', price: 9702 } });
    expect(await preview('o_silver')).toMatchObject({ discountText: '9.8折', price: 9702, next: { tierName: '金卡', price: 9405 } });
    expect(await preview('o_gold')).toMatchObject({ tierName: '金卡', discountText: '9.5折', price: 9405, next: { tierName: '黑钻', discountText: '9折', price: 8910 } });
    expect(await preview('o_diamond')).toMatchObject({ tierName: '黑钻', price: 8910, next: null });
    expect(await preview(undefined)).toMatchObject({ tierId: 'normal', price: 9900 });
  });

  it('lists the coupons a shopper can claim for this product online, for their tier', async () => {
    const normal = await data({ action: 'product', id: 'p-tee' }, 'o_normal');
    expect(normal.coupons.map((c: Loose) => [c.id, c.text])).toEqual([
      ['tpl-tops', '满99减10'],
      ['tpl-all-299', '满299减30'],
    ]);
    expect(normal.coupons[0]).toMatchObject({ scopeText: '限指定品类', channelText: '线上线下通用' });
    const gold = await data({ action: 'product', id: 'p-tee' }, 'o_gold');
    expect(gold.coupons.map((c: Loose) => c.id)).toEqual(['tpl-gold', 'tpl-tops', 'tpl-all-299']);
    expect(gold.coupons[0].text).toBe('8.5折 最高减50');
  });

  it('shows the running flash sale of the product with the stock left per SKU', async () => {
    const page = await data({ action: 'product', id: 'p-tee' }, 'o_normal');
    expect(page.flashSale).toMatchObject({ id: 'fs-now', status: 'active', minSalePrice: 5900, countdownTo: seededAt + 2 * HOUR });
    expect(page.flashSale.text).toMatch(/^距结束/);
    expect(page.flashSale.items).toEqual([
      { skuId: 'p-tee-white-m', salePrice: 5900, normalPrice: 9900, stockLeft: 4, perUserLimit: 1 },
      { skuId: 'p-tee-white-l', salePrice: 6900, normalPrice: 9900, stockLeft: 0, perUserLimit: 1 },
    ]);
    expect(page.groupBuy).toBeNull();
  });

  it('shows the group buy of a product in one', async () => {
    const page = await data({ action: 'product', id: 'p-bag' }, 'o_normal');
    expect(page.groupBuy).toMatchObject({ id: 'gb-bag', groupSize: 3, minGroupPrice: 4900, skus: [{ skuId: 'p-bag-black-均码', groupPrice: 4900, normalPrice: 7900 }] });
    expect(page.flashSale).toMatchObject({ id: 'fs-later', status: 'upcoming' });
    expect(page.flashSale.text).toMatch(/^距开始/);
  });

  it('opens a priority drop to gold and above before everyone, and tells others when they can buy', async () => {
    const normal = await data({ action: 'product', id: 'p-drop' }, 'o_normal');
    expect(normal.purchase).toMatchObject({ canBuy: false, early: false });
    expect(normal.purchase.text).toMatch(/^金卡会员优先购 · (\d+月\d+日 )?\d\d:\d\d 开抢$/);
    expect(Date.parse(normal.purchase.opensAt)).toBe(Date.parse(normal.product.launchAt));

    const silver = await data({ action: 'product', id: 'p-drop' }, 'o_silver');
    expect(silver.purchase.canBuy).toBe(false);

    const gold = await data({ action: 'product', id: 'p-drop' }, 'o_gold');
    expect(gold.purchase).toMatchObject({ canBuy: true, early: true });
    expect(gold.purchase.text).toMatch(/^金卡会员优先购中 · .*全员开售$/);

    const regular = await data({ action: 'product', id: 'p-tee' }, 'o_normal');
    expect(regular.purchase).toMatchObject({ canBuy: true, early: false, text: null });
  });

  it('says an off-shelf product is gone, and a missing one is not found', async () => {
    expect(await call({ action: 'product', id: 'p-old' }, 'o_normal')).toEqual({ ok: false, code: 'NOT_FOUND', message: '商品已下架' });
    expect(await call({ action: 'product', id: 'p-nope' }, 'o_normal')).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await call({ action: 'product' }, 'o_normal')).toEqual({ ok: false, code: 'INVALID_INPUT', message: '商品编号应为文本' });
    expect(await call({ action: 'product', id: '' }, 'o_normal')).toEqual({ ok: false, code: 'INVALID_INPUT', message: '商品编号不能为空' });
  });

  it('answers an unknown action clearly', async () => {
    expect(await call({ action: 'drop_tables' })).toEqual({ ok: false, code: 'UNKNOWN_ACTION', message: '不支持的操作' });
  });
});

describe('restock alerts', () => {
  const subscribe = (skuId: unknown, openid?: string, templateId: unknown = RESTOCK_TEMPLATE) => call({ action: 'subscribeRestock', skuId, templateId }, openid);
  const fireTimer = async () => {
    const res = await cloud.post('/api/_emulator/timers/catalog?trigger=restockNotify', {});
    expect(res.status).toBe(200);
    return (res.body as Loose).result;
  };
  const outbox = async (openid: string) => ((await (await fetch(`${cloud.url}/api/_emulator/outbox?touser=${openid}`)).json()) as Loose).messages;

  it('keeps one alert per person per sold-out SKU, and the product page knows it', async () => {
    expect(await subscribe('p-tee-haze-l', 'o_gold')).toEqual({ ok: true, data: { skuId: 'p-tee-haze-l', status: 'waiting', created: true } });
    expect(await subscribe('p-tee-haze-l', 'o_gold')).toEqual({ ok: true, data: { skuId: 'p-tee-haze-l', status: 'waiting', created: false } });
    const twice = await Promise.all([subscribe('p-tee-haze-l', 'o_diamond'), subscribe('p-tee-haze-l', 'o_diamond')]);
    expect(twice.every((r) => r.ok)).toBe(true);
    expect(cloud.emulator.db.find('restock_alerts', { skuId: 'p-tee-haze-l' }).map((a) => a.openid).sort()).toEqual(['o_diamond', 'o_gold']);

    const page = await data({ action: 'product', id: 'p-tee' }, 'o_gold');
    expect(page.restock).toEqual({ templateId: RESTOCK_TEMPLATE, subscribedSkuIds: ['p-tee-haze-l'] });
    expect((await data({ action: 'product', id: 'p-tee' }, 'o_silver')).restock.subscribedSkuIds).toEqual([]);
  });

  it('refuses an alert for a size in stock, an unknown SKU, a wrong template, bad input or no user', async () => {
    expect(await subscribe('p-tee-white-m', 'o_gold')).toEqual({ ok: false, code: 'IN_STOCK', message: '该尺码有货，可直接购买' });
    expect(await subscribe('p-tee-haze-s', 'o_gold')).toEqual({ ok: false, code: 'NOT_FOUND', message: '该规格不存在或已下架' });
    expect(await subscribe('p-tee-haze-l', 'o_gold', 'TPL_OTHER')).toEqual({ ok: false, code: 'INVALID_INPUT', message: '订阅模板不正确' });
    expect(await subscribe(undefined, 'o_gold')).toEqual({ ok: false, code: 'INVALID_INPUT', message: '商品规格应为文本' });
    expect(await subscribe('p-tee-haze-l', 'o_gold', '')).toEqual({ ok: false, code: 'INVALID_INPUT', message: '订阅模板不能为空' });
    expect(await subscribe('p-tee-haze-l', undefined)).toEqual({ ok: false, code: 'UNAUTHENTICATED', message: '请先登录' });
  });

  it('sends nothing while the size is still sold out', async () => {
    expect(await fireTimer()).toMatchObject({ ok: true, data: { checked: 2, restocked: 0, sent: 0 } });
    expect(await outbox('o_gold')).toEqual([]);
  });

  it('tells each subscriber once when stock returns; one without a send left is not messaged', async () => {
    // o_gold tapped 允许 in the subscribe prompt; o_diamond's consent was never given.
    await cloud.post('/api/_emulator/subscribe/accept', { openid: 'o_gold', templateIds: [RESTOCK_TEMPLATE] });
    cloud.emulator.db.update('skus', { _id: 'p-tee-haze-l' }, { $set: { stock: 6 } });

    expect(await fireTimer()).toMatchObject({ ok: true, data: { restocked: 2, sent: 1, noCredit: 1, failed: 0 } });
    const messages = await outbox('o_gold');
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({
      templateId: RESTOCK_TEMPLATE,
      page: 'packages/product/index/index?id=p-tee',
      data: { thing1: { value: '冰丝凉感T恤' }, thing2: { value: '雾霾蓝 / L 已到货' } },
    });
    expect(await outbox('o_diamond')).toEqual([]);

    const alerts = Object.fromEntries(cloud.emulator.db.find('restock_alerts', { skuId: 'p-tee-haze-l' }).map((a) => [a.openid, a.status]));
    expect(alerts).toEqual({ o_gold: 'notified', o_diamond: 'cancelled' });

    expect(await fireTimer()).toMatchObject({ ok: true, data: { checked: 0, sent: 0 } });
    expect(await outbox('o_gold')).toHaveLength(1);
    expect((await data({ action: 'product', id: 'p-tee' }, 'o_gold')).restock.subscribedSkuIds).toEqual([]);
  });

  it('arms the same alert again when the size sells out again', async () => {
    cloud.emulator.db.update('skus', { _id: 'p-tee-haze-l' }, { $set: { stock: 0 } });
    expect(await subscribe('p-tee-haze-l', 'o_gold')).toMatchObject({ ok: true, data: { created: true } });
    expect(cloud.emulator.db.find('restock_alerts', { openid: 'o_gold' })).toEqual([expect.objectContaining({ _id: 'o_gold:p-tee-haze-l', status: 'waiting', notifiedAt: null })]);
  });
});

describe('priority purchase over time', () => {
  it('opens the drop to everyone at launch', async () => {
    await cloud.emulator.advanceClock(HOUR + 60_000);
    const normal = await data({ action: 'product', id: 'p-drop' }, 'o_normal');
    expect(normal.purchase).toMatchObject({ canBuy: true, early: false, text: null });
  });
});
