/** Who the demo consumers are: the named demo identities and a crowd of ordinary shoppers. */

export interface DemoIdentity {
  openid: string;
  /** Chinese, for the H5 identity switcher. */
  label: string;
  role: 'consumer' | 'staff' | 'manager';
}

export const DEMO_IDENTITIES: DemoIdentity[] = [
  { openid: 'o_demo_lin', label: '顾客 林小姐（金卡）', role: 'consumer' },
  { openid: 'o_demo_zhao', label: '顾客 赵小雨（黑钻 · 今天生日）', role: 'consumer' },
  { openid: 'o_demo_wang', label: '顾客 王先生（银卡 · 久未到店）', role: 'consumer' },
  { openid: 'o_demo_new', label: '新顾客（首次打开）', role: 'consumer' },
  { openid: 'o_staff_jingan_1', label: '店员 · 静安嘉里中心店', role: 'staff' },
  { openid: 'o_staff_njxl_1', label: '店员 · 南京西路兴业太古汇店', role: 'staff' },
  { openid: 'o_staff_hubin_1', label: '店员 · 杭州湖滨银泰in77店', role: 'staff' },
  { openid: 'o_manager_chen', label: '运营 陈经理', role: 'manager' },
];

/** Documents the demo scripts and browser journeys point at. */
export const DEMO_IDS = {
  /** 林小姐's order waiting for payment (auto-cancels about 26 minutes after seeding). */
  linPendingOrder: 'WS00000109',
  /** Paid, to be picked up at 静安嘉里中心店: staff verify its pickup code. */
  linPickupOrder: 'WS00000108',
  linShippedOrder: 'WS00000107',
  linRefundRequestedOrder: 'WS00000112',
  /** Unused store coupon for 静安嘉里中心店: what o_staff_jingan_1 scans. */
  linStoreCoupon: 'uc-lin-jingan-2',
  /** Unused coupon for another store: scanning it at 静安 must be refused. */
  linOtherStoreCoupon: 'uc-lin-njxl',
  /** 林小姐's 2-person group, waiting for one friend. */
  linFormingGroup: 'g-lin-tee',
  /** 赵小雨's 3-person group with one seat left. */
  zhaoFormingGroup: 'g-zhao-denim',
  linReferralCode: 'LINQ8K2P',
  linRestockSku: 'p011-mint-m',
  flashSaleNow: 'fs-now',
  /** Opens to 金卡/黑钻 in about 6 hours (优先购). */
  priorityUpcomingProduct: 'p037',
  /** Open to 金卡/黑钻 now, to everyone in 1 hour. */
  priorityOpenProduct: 'p045',
  soldOutSku: 'p011-mint-m',
  lowStockSku: 'p001-haze-m',
} as const;

export interface CrowdProfile {
  openid: string;
  nickName: string;
  gender: 'female' | 'male';
  city: '上海' | '杭州' | '北京';
  storeId: string;
  /** regular: orders all year; occasional: a few; fresh: joined in the last month; lapsed: gone quiet. */
  kind: 'regular' | 'occasional' | 'fresh' | 'lapsed';
  optOut?: boolean;
  referrer?: string;
}

export const CROWD: CrowdProfile[] = [
  { openid: 'o_u01', nickName: '小鹿Lu', gender: 'female', city: '上海', storeId: 's-sh-jingan', kind: 'regular', referrer: 'o_demo_zhao' },
  { openid: 'o_u02', nickName: 'Amy', gender: 'female', city: '杭州', storeId: 's-hz-hubin', kind: 'occasional', referrer: 'o_demo_zhao' },
  { openid: 'o_u03', nickName: '阿杰', gender: 'male', city: '上海', storeId: 's-sh-xujiahui', kind: 'occasional', referrer: 'o_demo_lin' },
  { openid: 'o_u04', nickName: '橙子', gender: 'female', city: '杭州', storeId: 's-hz-xixi', kind: 'regular' },
  { openid: 'o_u05', nickName: 'Vivian', gender: 'female', city: '杭州', storeId: 's-hz-hubin', kind: 'occasional', referrer: 'o_demo_zhao' },
  { openid: 'o_u06', nickName: '木子李', gender: 'female', city: '上海', storeId: 's-sh-njxl', kind: 'regular' },
  { openid: 'o_u07', nickName: '一颗柚子', gender: 'female', city: '上海', storeId: 's-sh-lujiazui', kind: 'occasional', referrer: 'o_demo_lin' },
  { openid: 'o_u08', nickName: 'Kiki', gender: 'female', city: '北京', storeId: 's-bj-sanlitun', kind: 'regular' },
  { openid: 'o_u09', nickName: '大海', gender: 'male', city: '杭州', storeId: 's-hz-xixi', kind: 'occasional', referrer: 'o_demo_zhao' },
  { openid: 'o_u10', nickName: '南风', gender: 'male', city: '北京', storeId: 's-bj-sanlitun', kind: 'occasional' },
  { openid: 'o_u11', nickName: '周周', gender: 'female', city: '上海', storeId: 's-sh-jingan', kind: 'regular', optOut: true },
  { openid: 'o_u12', nickName: 'Momo', gender: 'female', city: '上海', storeId: 's-sh-jingan', kind: 'fresh', referrer: 'o_demo_lin' },
  { openid: 'o_u13', nickName: '七七', gender: 'female', city: '上海', storeId: 's-sh-njxl', kind: 'occasional' },
  { openid: 'o_u14', nickName: '林间', gender: 'male', city: '杭州', storeId: 's-hz-hubin', kind: 'occasional' },
  { openid: 'o_u15', nickName: 'Coco', gender: 'female', city: '杭州', storeId: 's-hz-hubin', kind: 'fresh', referrer: 'o_demo_zhao' },
  { openid: 'o_u16', nickName: '阿宁', gender: 'female', city: '北京', storeId: 's-bj-sanlitun', kind: 'occasional' },
  { openid: 'o_u17', nickName: '苏苏', gender: 'female', city: '上海', storeId: 's-sh-xujiahui', kind: 'lapsed' },
  { openid: 'o_u18', nickName: 'Leo', gender: 'male', city: '北京', storeId: 's-bj-sanlitun', kind: 'lapsed' },
  { openid: 'o_u19', nickName: '豆豆', gender: 'female', city: '上海', storeId: 's-sh-lujiazui', kind: 'fresh' },
  { openid: 'o_u20', nickName: '晴天', gender: 'female', city: '杭州', storeId: 's-hz-xixi', kind: 'lapsed' },
  { openid: 'o_u21', nickName: '米粒', gender: 'female', city: '上海', storeId: 's-sh-jingan', kind: 'fresh' },
  { openid: 'o_u22', nickName: 'Yuki', gender: 'female', city: '上海', storeId: 's-sh-njxl', kind: 'regular' },
  { openid: 'o_u23', nickName: '安安', gender: 'female', city: '北京', storeId: 's-bj-sanlitun', kind: 'occasional' },
  { openid: 'o_u24', nickName: '小熊', gender: 'male', city: '上海', storeId: 's-sh-lujiazui', kind: 'lapsed', optOut: true },
];

export const AVATAR_COLORS = ['#F2C4B8', '#BFD8E8', '#D6E4C6', '#F1DFA8', '#D9C8E6', '#F4CFD8', '#C9E3DD', '#E8D3BE'];
