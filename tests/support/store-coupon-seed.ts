/**
 * A small world for the stores / coupons / staff integration tests: three real stores (two in
 * Shanghai, one in Beijing), their staff, a manager, two customers, store coupon templates and a
 * paid pickup order. Dates are relative to the moment the seed runs (the emulator clock's start).
 */
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export const STORE_SEED_IDS = {
  jingan: 's-sh-jingan',
  xujiahui: 's-sh-xujiahui',
  sanlitun: 's-bj-sanlitun',
  staffJingan: 'o_staff_jingan_1',
  staffJingan2: 'o_staff_jingan_2',
  staffXujiahui: 'o_staff_xujiahui_1',
  manager: 'o_manager_chen',
  lin: 'o_demo_lin',
  wang: 'o_demo_wang',
};

function store(id: string, name: string, city: string, district: string, lng: number, lat: number, sort: number) {
  return {
    _id: id,
    name,
    city,
    district,
    address: `${city}${district}${name}`,
    location: { type: 'Point', coordinates: [lng, lat] },
    phone: '021-6288 1515',
    hours: { open: '10:00', close: '22:00' },
    image: `cloud://weave-local.local/stores/${id}.png`,
    services: ['门店自提'],
    status: 'open',
    sort,
    createdAt: new Date(0),
  };
}

function template(id: string, over: Record<string, unknown>, now: number) {
  return {
    _id: id,
    title: '静安嘉里中心店 到店满300减50',
    description: '',
    kind: 'store',
    rule: { kind: 'amount', amountOff: 5000, threshold: 30000 },
    scope: { type: 'all' },
    channel: 'store',
    storeIds: [STORE_SEED_IDS.jingan],
    total: 300,
    claimed: 0,
    used: 0,
    perUserLimit: 2,
    tiers: null,
    claimStartAt: new Date(now - DAY),
    claimEndAt: new Date(now + 10 * DAY),
    validity: { type: 'fixed', startAt: new Date(now - DAY), endAt: new Date(now + 20 * DAY) },
    pointsCost: null,
    cashbackPoints: 200,
    public: true,
    status: 'active',
    createdBy: 'seed',
    createdAt: new Date(now - DAY),
    updatedAt: new Date(now - DAY),
    ...over,
  };
}

function user(openid: string, nickName: string, points: number) {
  return { _id: openid, openid, nickName, avatarUrl: '', tier: 'gold', points, createdAt: new Date(0), lastLoginAt: new Date(0), status: 'active' };
}

export function pickupOrder(id: string, openid: string, storeId: string, code: string, status = 'paid') {
  const at = new Date(Date.now() - HOUR);
  return {
    _id: id,
    openid,
    type: 'normal',
    status,
    statusHistory: [{ status: 'paid', at, by: 'wxpay' }],
    items: [
      { productId: 'p013', skuId: 'p013-black-s', categoryId: 'c-dresses', title: '极简吊带缎面长裙', specText: '黑色 / S', image: '', quantity: 1, unitPrice: 29900, listPrice: 45900, promo: null, lineTotal: 29900, paid: 29900 },
    ],
    itemCount: 1,
    tierId: 'gold',
    pricing: { itemsTotal: 29900, merchandisePaid: 29900, payable: 29900, pointsEarnable: 299, lines: [], allocation: [] },
    couponId: null,
    delivery: { method: 'pickup', storeId, storeName: '静安嘉里中心店', pickupCode: code, verifiedAt: null, verifiedBy: null },
    payment: { outTradeNo: id, transactionId: 'tx', amount: 29900, paidAt: at },
    refund: null,
    groupbuy: null,
    flashSale: null,
    attribution: null,
    remark: '',
    expiresAt: at,
    paidAt: at,
    shippedAt: null,
    completedAt: null,
    autoCompleteAt: null,
    cancelledAt: null,
    cancelReason: null,
    pointsEarned: 0,
    createdAt: at,
    updatedAt: at,
  };
}

export function storeCouponSeed(): Record<string, object[]> {
  const now = Date.now();
  const ids = STORE_SEED_IDS;
  return {
    stores: [
      store(ids.jingan, '静安嘉里中心店', '上海', '静安区', 121.4497, 31.2229, 10),
      store(ids.xujiahui, '徐家汇港汇恒隆店', '上海', '徐汇区', 121.4375, 31.1955, 30),
      store(ids.sanlitun, '北京三里屯太古里店', '北京', '朝阳区', 116.4551, 39.9375, 70),
    ],
    staff: [
      { _id: ids.staffJingan, openid: ids.staffJingan, storeId: ids.jingan, name: '周婷', title: '店长', active: true, createdAt: new Date(0) },
      { _id: ids.staffJingan2, openid: ids.staffJingan2, storeId: ids.jingan, name: '吴磊', title: '店员', active: true, createdAt: new Date(0) },
      { _id: ids.staffXujiahui, openid: ids.staffXujiahui, storeId: ids.xujiahui, name: '郑雯', title: '店长', active: true, createdAt: new Date(0) },
    ],
    managers: [{ _id: ids.manager, openid: ids.manager, name: '陈经理', active: true, createdAt: new Date(0) }],
    users: [user(ids.lin, '林小雨', 1000), user(ids.wang, '王子涵', 0)],
    addresses: [
      { _id: 'a1', openid: ids.lin, name: '林小雨', phone: '13800138000', province: '上海市', city: '上海市', district: '静安区', detail: '南京西路1号', label: '家', isDefault: true, createdAt: new Date(0), updatedAt: new Date(0) },
    ],
    coupon_templates: [
      template('tpl-jingan', {}, now),
      template('tpl-scarce', { title: '限量10张 到店满200减30', total: 10, perUserLimit: 1, rule: { kind: 'amount', amountOff: 3000, threshold: 20000 } }, now),
      template('tpl-greedy', { title: '每人限3张', total: null, perUserLimit: 3 }, now),
      template('tpl-anystore', { title: '全国门店通用 8.5折', storeIds: null, channel: 'both', rule: { kind: 'percent', percentOff: 15, maxOff: 10000, threshold: 0 }, cashbackPoints: 0 }, now),
      template('tpl-online', { title: '线上满299减30', storeIds: null, channel: 'online', kind: 'online', cashbackPoints: 0 }, now),
      template('tpl-hidden', { title: '生日礼券', public: false, kind: 'birthday' }, now),
      template('tpl-later', { title: '下周开抢', claimStartAt: new Date(now + 7 * DAY) }, now),
    ],
    orders: [pickupOrder('WS-PICK-1', ids.lin, ids.jingan, '021339'), pickupOrder('WS-PICK-2', ids.wang, ids.xujiahui, '555111')],
    settings: [{ _id: 'coupons', qrRotateSeconds: 30, shortCodeDigits: 8 }],
  };
}
