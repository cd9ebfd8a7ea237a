/**
 * The demo brand's range, written as data: 织物 Weave, a Shanghai apparel label with stores in
 * Shanghai, Hangzhou and Beijing. Prices are in whole yuan here for readability and become fen
 * when the documents are built. `art` says how images.ts draws the product.
 */
import type { SizeGuide } from './types';

export type GarmentKind =
  | 'tee'
  | 'shirt'
  | 'dress'
  | 'trousers'
  | 'skirt'
  | 'coat'
  | 'knit'
  | 'hoodie'
  | 'cap'
  | 'bucket'
  | 'tote'
  | 'shoulderbag';

export interface GarmentArt {
  kind: GarmentKind;
  variant: string;
}

export interface ColorDef {
  name: string;
  hex: string;
}

export const COLORS = {
  white: { name: '白色', hex: '#F4F2EE' },
  ivory: { name: '奶油白', hex: '#F1EBDD' },
  black: { name: '黑色', hex: '#27272B' },
  oat: { name: '燕麦色', hex: '#D6C4A6' },
  haze: { name: '雾霾蓝', hex: '#8CA2B8' },
  navy: { name: '藏青', hex: '#25324E' },
  khaki: { name: '卡其', hex: '#B89B69' },
  olive: { name: '橄榄绿', hex: '#6D7147' },
  wine: { name: '酒红', hex: '#7C2B37' },
  cream: { name: '奶油黄', hex: '#EEDC9F' },
  pink: { name: '浅粉', hex: '#EBC2C0' },
  grey: { name: '麻灰', hex: '#A2A2A4' },
  denim: { name: '牛仔蓝', hex: '#3E5E86' },
  ltdenim: { name: '浅蓝牛仔', hex: '#8CA9CA' },
  caramel: { name: '焦糖', hex: '#A4652F' },
  mint: { name: '薄荷绿', hex: '#A6D4C1' },
  champagne: { name: '香槟', hex: '#E4D3B3' },
  forest: { name: '墨绿', hex: '#2F4B3B' },
  ltblue: { name: '浅蓝', hex: '#BCD2E8' },
  orange: { name: '活力橙', hex: '#DC7A2F' },
} as const satisfies Record<string, ColorDef>;

export type ColorKey = keyof typeof COLORS;

export interface CategoryDef {
  id: string;
  name: string;
  art: GarmentArt;
  iconColor: ColorKey;
  sizeGuide: SizeGuide;
}

const TOP_COLUMNS = ['尺码', '胸围', '衣长', '肩宽', '袖长'];

export const CATEGORIES: CategoryDef[] = [
  {
    id: 'c-tops',
    name: '上衣',
    art: { kind: 'tee', variant: 'crew' },
    iconColor: 'haze',
    sizeGuide: {
      unit: 'cm',
      columns: TOP_COLUMNS,
      rows: [
        ['XS', '88', '60', '38', '18'],
        ['S', '92', '62', '39', '19'],
        ['M', '96', '64', '40', '19.5'],
        ['L', '100', '66', '41', '20'],
        ['XL', '106', '68', '43', '21'],
        ['2XL', '112', '70', '45', '22'],
        ['3XL', '118', '72', '47', '23'],
        ['4XL', '124', '74', '49', '24'],
      ],
      tips: '平铺测量，可能有1-2cm误差；宽松版型建议选常穿尺码。',
    },
  },
  {
    id: 'c-shirts',
    name: '衬衫',
    art: { kind: 'shirt', variant: 'long' },
    iconColor: 'ltblue',
    sizeGuide: {
      unit: 'cm',
      columns: TOP_COLUMNS,
      rows: [
        ['XS', '92', '66', '38', '57'],
        ['S', '96', '68', '39', '58'],
        ['M', '100', '70', '40', '59'],
        ['L', '104', '72', '41', '60'],
        ['XL', '110', '74', '43', '61'],
        ['2XL', '116', '76', '45', '62'],
      ],
      tips: '袖长从肩点量至袖口；两粒扣以上建议按肩宽选择。',
    },
  },
  {
    id: 'c-dresses',
    name: '连衣裙',
    art: { kind: 'dress', variant: 'tea' },
    iconColor: 'pink',
    sizeGuide: {
      unit: 'cm',
      columns: ['尺码', '胸围', '腰围', '裙长'],
      rows: [
        ['XS', '80', '62', '112'],
        ['S', '84', '66', '114'],
        ['M', '88', '70', '116'],
        ['L', '92', '74', '118'],
        ['XL', '98', '80', '120'],
        ['2XL', '104', '86', '121'],
        ['3XL', '110', '92', '122'],
        ['4XL', '116', '98', '123'],
      ],
      tips: '收腰款请以腰围为准；两个尺码之间建议选大一码。',
    },
  },
  {
    id: 'c-pants',
    name: '裤装',
    art: { kind: 'trousers', variant: 'straight' },
    iconColor: 'khaki',
    sizeGuide: {
      unit: 'cm',
      columns: ['尺码', '腰围', '臀围', '裤长', '大腿围'],
      rows: [
        ['XS', '62', '88', '98', '52'],
        ['S', '66', '92', '99', '54'],
        ['M', '70', '96', '100', '56'],
        ['L', '74', '100', '101', '58'],
        ['XL', '80', '106', '102', '61'],
        ['2XL', '86', '112', '103', '64'],
        ['3XL', '92', '118', '104', '67'],
        ['4XL', '98', '124', '105', '70'],
      ],
      tips: '松紧腰头可拉伸约6cm；裤长含腰头。',
    },
  },
  {
    id: 'c-skirts',
    name: '半身裙',
    art: { kind: 'skirt', variant: 'aline' },
    iconColor: 'cream',
    sizeGuide: {
      unit: 'cm',
      columns: ['尺码', '腰围', '臀围', '裙长'],
      rows: [
        ['XS', '62', '88', '68'],
        ['S', '66', '92', '69'],
        ['M', '70', '96', '70'],
        ['L', '74', '100', '71'],
        ['XL', '80', '106', '72'],
      ],
      tips: '高腰款请以腰围为准。',
    },
  },
  {
    id: 'c-outer',
    name: '外套',
    art: { kind: 'coat', variant: 'trench' },
    iconColor: 'khaki',
    sizeGuide: {
      unit: 'cm',
      columns: TOP_COLUMNS,
      rows: [
        ['XS', '98', '90', '39', '58'],
        ['S', '102', '92', '40', '59'],
        ['M', '106', '94', '41', '60'],
        ['L', '110', '96', '42', '61'],
        ['XL', '116', '98', '44', '62'],
      ],
      tips: '外套已预留内搭空间，冬季内搭厚毛衣可选大一码。',
    },
  },
  {
    id: 'c-knit',
    name: '针织',
    art: { kind: 'knit', variant: 'crew' },
    iconColor: 'oat',
    sizeGuide: {
      unit: 'cm',
      columns: TOP_COLUMNS,
      rows: [
        ['XS', '90', '58', '38', '56'],
        ['S', '94', '60', '39', '57'],
        ['M', '98', '62', '40', '58'],
        ['L', '102', '64', '41', '59'],
        ['XL', '108', '66', '43', '60'],
        ['2XL', '114', '68', '45', '61'],
        ['3XL', '120', '70', '47', '62'],
        ['4XL', '126', '72', '49', '63'],
      ],
      tips: '针织面料有弹性，平铺测量误差1-3cm。',
    },
  },
  {
    id: 'c-sport',
    name: '运动',
    art: { kind: 'hoodie', variant: 'pullover' },
    iconColor: 'mint',
    sizeGuide: {
      unit: 'cm',
      columns: ['尺码', '胸围', '衣长', '腰围（裤）', '裤长'],
      rows: [
        ['XS', '86', '58', '60', '92'],
        ['S', '92', '62', '64', '94'],
        ['M', '98', '64', '68', '96'],
        ['L', '104', '66', '72', '98'],
        ['XL', '110', '68', '78', '100'],
        ['2XL', '116', '70', '84', '102'],
      ],
      tips: '运动款贴身设计，介于两码之间建议选大一码。',
    },
  },
  {
    id: 'c-acc',
    name: '配饰',
    art: { kind: 'tote', variant: 'canvas' },
    iconColor: 'olive',
    sizeGuide: {
      unit: 'cm',
      columns: ['尺码', '帽围', '包身 宽×高×厚'],
      rows: [
        ['S', '54-56', '28×22×8'],
        ['M', '56-58', '34×30×10'],
        ['L', '58-60', '40×36×12'],
      ],
      tips: '帽子后侧可调节约2cm。',
    },
  },
];

export interface ProductDef {
  id: string;
  cat: string;
  title: string;
  subtitle: string;
  tags: string[];
  price: number;
  list: number;
  colors: ColorKey[];
  sizes: string[];
  art: GarmentArt;
  material: string;
  /** Days since public launch; negative = launches in the future. Omitted: an older product. */
  launchDaysAgo?: number;
  /** Yuan added to the price of these colours (a premium dye or fabric). */
  colorPremium?: Partial<Record<ColorKey, number>>;
  sizeGuide?: SizeGuide;
}

const S_XL = ['S', 'M', 'L', 'XL'];
const S_2XL = ['S', 'M', 'L', 'XL', '2XL'];
const XS_L = ['XS', 'S', 'M', 'L'];
const PLUS = ['XL', '2XL', '3XL', '4XL'];
const ACC = ['S', 'M', 'L'];

const JEANS_GUIDE: SizeGuide = {
  unit: 'cm',
  columns: ['尺码', '腰围', '臀围', '裤长', '建议身高'],
  rows: [
    ['25', '64', '88', '98', '155-160'],
    ['26', '67', '91', '99', '158-163'],
    ['27', '70', '94', '100', '160-165'],
    ['28', '73', '97', '101', '163-168'],
    ['29', '76', '100', '102', '165-170'],
  ],
  tips: '牛仔裤按腰围选码；微弹面料，穿着后会略微松弛。',
};

const BAG_GUIDE: SizeGuide = {
  unit: 'cm',
  columns: ['尺码', '宽', '高', '厚', '可装'],
  rows: [
    ['S', '28', '22', '8', '手机、钥匙、粉饼'],
    ['M', '34', '30', '10', 'iPad mini、折叠伞'],
    ['L', '40', '36', '12', '13寸笔记本'],
  ],
  tips: '手工测量，误差±1cm。',
};

export const PRODUCTS: ProductDef[] = [
  // 上衣
  { id: 'p001', cat: 'c-tops', title: '冰丝凉感宽松T恤', subtitle: '冰丝面料 会呼吸的凉感', tags: ['休闲', '极简', '环保面料'], price: 99, list: 159, colors: ['white', 'haze', 'black'], sizes: S_XL, art: { kind: 'tee', variant: 'loose' }, material: '再生纤维素纤维 70% 聚酯纤维 30%', launchDaysAgo: 2 },
  { id: 'p002', cat: 'c-tops', title: '重磅纯棉圆领T恤', subtitle: '280g精梳棉 挺括不透', tags: ['极简', '休闲'], price: 129, list: 199, colors: ['white', 'oat', 'black', 'olive'], sizes: S_2XL, art: { kind: 'tee', variant: 'crew' }, material: '棉 100%', launchDaysAgo: 426 },
  { id: 'p003', cat: 'c-tops', title: '复古印花短袖T恤', subtitle: '做旧水洗 美式复古', tags: ['复古', '休闲'], price: 119, list: 169, colors: ['cream', 'grey'], sizes: S_XL, art: { kind: 'tee', variant: 'print' }, material: '棉 100%', launchDaysAgo: 240 },
  { id: 'p004', cat: 'c-tops', title: '法式方领泡泡袖上衣', subtitle: '方领显锁骨 泡泡袖修饰手臂', tags: ['法式', '通勤'], price: 159, list: 259, colors: ['white', 'pink'], sizes: XS_L, art: { kind: 'tee', variant: 'puff' }, material: '棉 65% 聚酯纤维 35%', launchDaysAgo: 280 },
  { id: 'p005', cat: 'c-tops', title: '长绒棉长袖打底T恤', subtitle: '柔软亲肤 百搭内搭', tags: ['极简', '通勤'], price: 89, list: 129, colors: ['white', 'black', 'oat'], sizes: S_XL, art: { kind: 'tee', variant: 'long' }, material: '新疆长绒棉 95% 氨纶 5%' },
  { id: 'p006', cat: 'c-tops', title: '大码宽松落肩T恤', subtitle: '落肩版型 遮肉显瘦', tags: ['大码', '休闲'], price: 109, list: 159, colors: ['black', 'haze', 'white'], sizes: PLUS, art: { kind: 'tee', variant: 'loose' }, material: '棉 100%' },
  // 衬衫
  { id: 'p007', cat: 'c-shirts', title: '亚麻宽松休闲衬衫', subtitle: '100%亚麻 透气垂感', tags: ['环保面料', '休闲', '极简'], price: 239, list: 359, colors: ['white', 'khaki', 'haze'], sizes: S_XL, art: { kind: 'shirt', variant: 'long' }, material: '亚麻 100%', launchDaysAgo: 441 },
  { id: 'p008', cat: 'c-shirts', title: '通勤免烫牛津纺衬衫', subtitle: '免烫抗皱 职场必备', tags: ['通勤', '极简'], price: 199, list: 299, colors: ['white', 'ltblue'], sizes: S_2XL, art: { kind: 'shirt', variant: 'pocket' }, material: '棉 100%（免烫处理）', launchDaysAgo: 444 },
  { id: 'p009', cat: 'c-shirts', title: '复古灯芯绒衬衫外套', subtitle: '细条灯芯绒 可内搭可外穿', tags: ['复古', '休闲'], price: 269, list: 399, colors: ['caramel', 'olive', 'navy'], sizes: S_XL, art: { kind: 'shirt', variant: 'pocket' }, material: '棉 98% 氨纶 2%', launchDaysAgo: 380 },
  { id: 'p010', cat: 'c-shirts', title: '法式V领真丝衬衫', subtitle: '桑蚕丝 柔光质感', tags: ['法式', '通勤'], price: 459, list: 699, colors: ['champagne', 'black'], sizes: XS_L, art: { kind: 'shirt', variant: 'silk' }, material: '桑蚕丝 93% 氨纶 7%', colorPremium: { black: 20 }, launchDaysAgo: 450 },
  { id: 'p011', cat: 'c-shirts', title: '短袖古巴领衬衫', subtitle: '度假风古巴领 清爽透气', tags: ['休闲', '复古'], price: 169, list: 239, colors: ['white', 'mint', 'cream'], sizes: S_XL, art: { kind: 'shirt', variant: 'short' }, material: '莱赛尔 60% 棉 40%' },
  // 连衣裙
  { id: 'p012', cat: 'c-dresses', title: '法式碎花茶歇连衣裙', subtitle: 'V领收腰 温柔碎花', tags: ['法式', '复古'], price: 329, list: 499, colors: ['haze', 'cream'], sizes: XS_L, art: { kind: 'dress', variant: 'tea' }, material: '聚酯纤维 100%（雪纺）', launchDaysAgo: 3 },
  { id: 'p013', cat: 'c-dresses', title: '极简吊带缎面长裙', subtitle: '缎面光泽 一裙多穿', tags: ['极简', '法式'], price: 299, list: 459, colors: ['black', 'champagne', 'forest'], sizes: XS_L, art: { kind: 'dress', variant: 'slip' }, material: '醋酸纤维 70% 聚酯纤维 30%', launchDaysAgo: 4 },
  { id: 'p014', cat: 'c-dresses', title: '通勤收腰衬衫裙', subtitle: '衬衫领 显瘦收腰', tags: ['通勤', '极简'], price: 359, list: 529, colors: ['khaki', 'white', 'navy'], sizes: S_XL, art: { kind: 'dress', variant: 'shirt' }, material: '棉 70% 锦纶 30%', launchDaysAgo: 200 },
  { id: 'p015', cat: 'c-dresses', title: '冰丝针织背心裙', subtitle: '凉感针织 修身不贴身', tags: ['极简', '环保面料'], price: 259, list: 389, colors: ['oat', 'black'], sizes: ['S', 'M', 'L'], art: { kind: 'dress', variant: 'sleeveless' }, material: '再生纤维素纤维 80% 锦纶 20%' },
  { id: 'p016', cat: 'c-dresses', title: '大码A字显瘦连衣裙', subtitle: 'A字版型 遮胯显瘦', tags: ['大码', '通勤'], price: 279, list: 399, colors: ['navy', 'wine'], sizes: PLUS, art: { kind: 'dress', variant: 'aline' }, material: '聚酯纤维 95% 氨纶 5%' },
  // 裤装
  { id: 'p017', cat: 'c-pants', title: '复古高腰直筒牛仔裤', subtitle: '高腰显腿长 微弹不紧绷', tags: ['复古', '休闲'], price: 259, list: 399, colors: ['denim', 'ltdenim', 'black'], sizes: ['25', '26', '27', '28', '29'], art: { kind: 'trousers', variant: 'jeans' }, material: '棉 98% 氨纶 2%', sizeGuide: JEANS_GUIDE, launchDaysAgo: 471 },
  { id: 'p018', cat: 'c-pants', title: '垂感西装阔腿裤', subtitle: '垂坠不起皱 通勤百搭', tags: ['通勤', '极简'], price: 229, list: 329, colors: ['black', 'oat', 'grey'], sizes: S_XL, art: { kind: 'trousers', variant: 'wide' }, material: '聚酯纤维 68% 粘纤 28% 氨纶 4%', launchDaysAgo: 474 },
  { id: 'p019', cat: 'c-pants', title: '冰丝凉感九分裤', subtitle: '冰丝凉感 夏日通勤', tags: ['通勤', '环保面料'], price: 179, list: 259, colors: ['black', 'khaki', 'haze'], sizes: S_XL, art: { kind: 'trousers', variant: 'cropped' }, material: '再生纤维素纤维 75% 锦纶 25%', launchDaysAgo: 210 },
  { id: 'p020', cat: 'c-pants', title: '工装束脚休闲裤', subtitle: '多口袋工装 束脚利落', tags: ['休闲', '复古'], price: 219, list: 319, colors: ['olive', 'khaki', 'black'], sizes: S_XL, art: { kind: 'trousers', variant: 'cargo' }, material: '棉 100%', launchDaysAgo: 350 },
  { id: 'p021', cat: 'c-pants', title: '大码高弹直筒裤', subtitle: '高弹舒适 不勒肚', tags: ['大码', '通勤'], price: 199, list: 289, colors: ['black', 'navy'], sizes: PLUS, art: { kind: 'trousers', variant: 'straight' }, material: '聚酯纤维 75% 粘纤 20% 氨纶 5%' },
  { id: 'p022', cat: 'c-pants', title: '亚麻松紧短裤', subtitle: '亚麻透气 松紧腰头', tags: ['环保面料', '休闲'], price: 139, list: 199, colors: ['white', 'khaki', 'olive'], sizes: S_XL, art: { kind: 'trousers', variant: 'shorts' }, material: '亚麻 55% 棉 45%', launchDaysAgo: 400 },
  // 半身裙
  { id: 'p023', cat: 'c-skirts', title: '高腰百褶半身裙', subtitle: '压褶立体 行走灵动', tags: ['法式', '通勤'], price: 199, list: 299, colors: ['black', 'oat', 'navy'], sizes: ['S', 'M', 'L'], art: { kind: 'skirt', variant: 'pleated' }, material: '聚酯纤维 100%', launchDaysAgo: 489 },
  { id: 'p024', cat: 'c-skirts', title: '复古牛仔A字半裙', subtitle: '水洗做旧 A字遮胯', tags: ['复古', '休闲'], price: 189, list: 269, colors: ['denim', 'ltdenim'], sizes: S_XL, art: { kind: 'skirt', variant: 'denim' }, material: '棉 100%', launchDaysAgo: 300 },
  { id: 'p025', cat: 'c-skirts', title: '缎面垂感鱼尾半裙', subtitle: '缎面光泽 微鱼尾', tags: ['法式', '极简'], price: 259, list: 379, colors: ['champagne', 'black', 'forest'], sizes: XS_L, art: { kind: 'skirt', variant: 'mermaid' }, material: '醋酸纤维 65% 聚酯纤维 35%', launchDaysAgo: 260 },
  { id: 'p026', cat: 'c-skirts', title: '通勤开叉铅笔裙', subtitle: '后开叉 步幅自如', tags: ['通勤', '极简'], price: 179, list: 259, colors: ['black', 'grey', 'khaki'], sizes: S_XL, art: { kind: 'skirt', variant: 'pencil' }, material: '聚酯纤维 72% 粘纤 24% 氨纶 4%', launchDaysAgo: 310 },
  // 外套
  { id: 'p027', cat: 'c-outer', title: '经典双排扣风衣', subtitle: '防泼水面料 经典卡其', tags: ['通勤', '法式'], price: 699, list: 999, colors: ['khaki', 'black', 'oat'], sizes: S_XL, art: { kind: 'coat', variant: 'trench' }, material: '棉 65% 聚酯纤维 35%', colorPremium: { black: 50 }, launchDaysAgo: 501 },
  { id: 'p028', cat: 'c-outer', title: '复古短款牛仔夹克', subtitle: '水洗做旧 百搭短款', tags: ['复古', '休闲'], price: 359, list: 499, colors: ['denim', 'ltdenim'], sizes: S_XL, art: { kind: 'coat', variant: 'denim' }, material: '棉 100%', launchDaysAgo: 280 },
  { id: 'p029', cat: 'c-outer', title: '轻薄防晒皮肤衣', subtitle: 'UPF50+ 轻至180g', tags: ['运动', '休闲'], price: 159, list: 239, colors: ['white', 'mint', 'pink', 'haze'], sizes: S_XL, art: { kind: 'hoodie', variant: 'zip' }, material: '锦纶 88% 氨纶 12%', launchDaysAgo: 1 },
  { id: 'p030', cat: 'c-outer', title: '羊毛双面呢大衣', subtitle: '双面羊毛 手工缝制', tags: ['通勤', '极简'], price: 1299, list: 1899, colors: ['oat', 'caramel', 'black'], sizes: ['S', 'M', 'L'], art: { kind: 'coat', variant: 'long' }, material: '绵羊毛 90% 羊绒 10%', launchDaysAgo: 510 },
  { id: 'p031', cat: 'c-outer', title: '短款立领羽绒服', subtitle: '90白鸭绒 轻暖蓬松', tags: ['休闲', '极简'], price: 599, list: 899, colors: ['black', 'ivory', 'haze'], sizes: S_XL, art: { kind: 'coat', variant: 'puffer' }, material: '面料：锦纶 100% 填充物：白鸭绒（含绒量90%）', launchDaysAgo: 300 },
  { id: 'p032', cat: 'c-outer', title: '廓形西装外套', subtitle: '宽肩廓形 通勤利落', tags: ['通勤', '极简'], price: 499, list: 699, colors: ['black', 'oat', 'grey'], sizes: ['S', 'M', 'L'], art: { kind: 'coat', variant: 'blazer' }, material: '聚酯纤维 62% 粘纤 33% 氨纶 5%', launchDaysAgo: 330 },
  // 针织
  { id: 'p033', cat: 'c-knit', title: '羊毛混纺圆领毛衣', subtitle: '软糯亲肤 不扎不起球', tags: ['极简', '通勤'], price: 299, list: 459, colors: ['oat', 'grey', 'navy'], sizes: S_XL, art: { kind: 'knit', variant: 'crew' }, material: '羊毛 50% 腈纶 30% 锦纶 20%', launchDaysAgo: 519 },
  { id: 'p034', cat: 'c-knit', title: '复古麻花针织开衫', subtitle: '麻花纹理 复古学院', tags: ['复古', '法式'], price: 329, list: 489, colors: ['cream', 'wine', 'oat'], sizes: ['S', 'M', 'L'], art: { kind: 'knit', variant: 'cardigan' }, material: '羊毛 30% 腈纶 50% 锦纶 20%', launchDaysAgo: 390 },
  { id: 'p035', cat: 'c-knit', title: '冰丝短袖针织衫', subtitle: '冰丝凉感 夏季针织', tags: ['极简', '环保面料'], price: 169, list: 249, colors: ['white', 'black', 'haze'], sizes: S_XL, art: { kind: 'tee', variant: 'knit' }, material: '再生纤维素纤维 85% 锦纶 15%', launchDaysAgo: 150 },
  { id: 'p036', cat: 'c-knit', title: '大码宽松针织背心', subtitle: '叠穿神器 遮肉显瘦', tags: ['大码', '复古'], price: 159, list: 229, colors: ['oat', 'olive'], sizes: PLUS, art: { kind: 'knit', variant: 'vest' }, material: '腈纶 60% 羊毛 20% 锦纶 20%' },
  { id: 'p037', cat: 'c-knit', title: '高领修身羊绒打底衫', subtitle: '100%山羊绒 新品首发', tags: ['极简', '通勤'], price: 799, list: 1199, colors: ['black', 'oat', 'wine'], sizes: ['S', 'M', 'L'], art: { kind: 'knit', variant: 'turtleneck' }, material: '山羊绒 100%', launchDaysAgo: -8 / 24 },
  // 运动
  { id: 'p038', cat: 'c-sport', title: '速干透气运动T恤', subtitle: '速干科技面料 跑步健身', tags: ['运动', '环保面料'], price: 119, list: 179, colors: ['black', 'mint', 'haze'], sizes: S_XL, art: { kind: 'tee', variant: 'raglan' }, material: '再生聚酯纤维 100%', launchDaysAgo: 6 },
  { id: 'p039', cat: 'c-sport', title: '加绒连帽卫衣', subtitle: '加绒保暖 宽松落肩', tags: ['运动', '休闲'], price: 239, list: 359, colors: ['grey', 'black', 'oat', 'olive'], sizes: S_2XL, art: { kind: 'hoodie', variant: 'pullover' }, material: '棉 80% 聚酯纤维 20%', launchDaysAgo: 537 },
  { id: 'p040', cat: 'c-sport', title: '束脚运动卫裤', subtitle: '毛圈棉 束脚显瘦', tags: ['运动', '休闲'], price: 189, list: 279, colors: ['grey', 'black'], sizes: S_XL, art: { kind: 'trousers', variant: 'jogger' }, material: '棉 85% 聚酯纤维 15%' },
  { id: 'p041', cat: 'c-sport', title: '高腰裸感瑜伽裤', subtitle: '裸感面料 高腰收腹', tags: ['运动'], price: 199, list: 299, colors: ['black', 'haze', 'pink'], sizes: XS_L, art: { kind: 'trousers', variant: 'legging' }, material: '锦纶 78% 氨纶 22%' },
  { id: 'p042', cat: 'c-sport', title: '户外防风冲锋衣', subtitle: '防风防泼水 户外通勤', tags: ['运动', '休闲'], price: 559, list: 799, colors: ['black', 'olive', 'orange'], sizes: S_XL, art: { kind: 'coat', variant: 'shell' }, material: '锦纶 100%（防泼水涂层）', launchDaysAgo: 5 },
  // 配饰
  { id: 'p043', cat: 'c-acc', title: '复古水洗棒球帽', subtitle: '水洗做旧 后扣可调节', tags: ['复古', '休闲'], price: 79, list: 119, colors: ['black', 'khaki', 'navy'], sizes: ACC, art: { kind: 'cap', variant: 'baseball' }, material: '棉 100%' },
  { id: 'p044', cat: 'c-acc', title: '环保帆布托特包', subtitle: '加厚帆布 大容量', tags: ['环保面料', '极简'], price: 99, list: 149, colors: ['ivory', 'black'], sizes: ACC, art: { kind: 'tote', variant: 'canvas' }, material: '再生棉帆布 100%', sizeGuide: BAG_GUIDE, launchDaysAgo: 552 },
  { id: 'p045', cat: 'c-acc', title: '极简腋下包', subtitle: '头层牛皮 通勤百搭', tags: ['极简', '通勤', '法式'], price: 399, list: 599, colors: ['black', 'caramel', 'oat'], sizes: ACC, art: { kind: 'shoulderbag', variant: 'baguette' }, material: '头层牛皮', launchDaysAgo: -1 / 24, sizeGuide: BAG_GUIDE },
  { id: 'p046', cat: 'c-acc', title: '防晒折叠渔夫帽', subtitle: '防晒遮阳 可折叠收纳', tags: ['休闲', '运动'], price: 89, list: 129, colors: ['black', 'white', 'khaki'], sizes: ACC, art: { kind: 'bucket', variant: 'bucket' }, material: '锦纶 100%' },
];

/**
 * New arrivals with 优先购. The windows come from the tiers' priorityHours (黑钻 4h, 金卡 2h before
 * launch): p037 launches in 8 hours, so its gold window opens in 6; p045 launches in 1 hour, so
 * 金卡 and 黑钻 can buy it right now and everyone else cannot yet.
 */
export const PRIORITY_PRODUCT_IDS = ['p037', 'p045'];

export interface OutfitDef {
  id: string;
  title: string;
  subtitle: string;
  description: string;
  tags: string[];
  productIds: string[];
  /** Which products and colours the cover lays out. */
  cover: { productId: string; color: ColorKey }[];
  background: [string, string];
}

export const OUTFITS: OutfitDef[] = [
  {
    id: 'col-summer-cool',
    title: '夏季冰感穿搭',
    subtitle: '35℃也清爽的通勤与周末',
    description: '冰丝、亚麻与速干面料，一身凉感搭配，从地铁到露台都不闷热。分享给好友，合集专享券限时3天。',
    tags: ['环保面料', '休闲', '极简'],
    productIds: ['p001', 'p019', 'p035', 'p015', 'p046', 'p029'],
    cover: [
      { productId: 'p001', color: 'haze' },
      { productId: 'p019', color: 'khaki' },
      { productId: 'p046', color: 'white' },
    ],
    background: ['#CFE6E4', '#9CC9C6'],
  },
  {
    id: 'col-commute',
    title: '通勤极简',
    subtitle: '一周五天不重样的利落感',
    description: '黑白燕麦三色打底，西装、衬衫与阔腿裤的经典组合，配一只腋下包就能出门。',
    tags: ['通勤', '极简'],
    productIds: ['p008', 'p018', 'p026', 'p032', 'p045', 'p014'],
    cover: [
      { productId: 'p032', color: 'oat' },
      { productId: 'p018', color: 'black' },
      { productId: 'p045', color: 'caramel' },
    ],
    background: ['#E9E3DA', '#CFC5B6'],
  },
  {
    id: 'col-retro-weekend',
    title: '复古周末',
    subtitle: '水洗牛仔与灯芯绒的慵懒周末',
    description: '做旧牛仔、印花T恤和麻花开衫，带一顶棒球帽去逛市集。',
    tags: ['复古', '休闲'],
    productIds: ['p003', 'p017', 'p024', 'p028', 'p043', 'p034'],
    cover: [
      { productId: 'p003', color: 'cream' },
      { productId: 'p017', color: 'denim' },
      { productId: 'p043', color: 'navy' },
    ],
    background: ['#F0D9B5', '#D9A86C'],
  },
  {
    id: 'col-outdoor',
    title: '户外运动',
    subtitle: '城市徒步与周末露营',
    description: '防风冲锋衣、速干T恤与束脚卫裤，轻装上阵，说走就走。',
    tags: ['运动', '休闲'],
    productIds: ['p038', 'p039', 'p040', 'p042', 'p041', 'p046'],
    cover: [
      { productId: 'p042', color: 'orange' },
      { productId: 'p040', color: 'grey' },
      { productId: 'p046', color: 'black' },
    ],
    background: ['#D4DEC8', '#9FB38A'],
  },
  {
    id: 'col-french',
    title: '法式温柔',
    subtitle: '碎花、缎面与方领的浪漫',
    description: '茶歇裙、真丝衬衫和百褶裙，约会与下午茶都合适。',
    tags: ['法式', '复古'],
    productIds: ['p012', 'p010', 'p023', 'p004', 'p025'],
    cover: [
      { productId: 'p004', color: 'pink' },
      { productId: 'p023', color: 'oat' },
      { productId: 'p045', color: 'black' },
    ],
    background: ['#F4DCDC', '#E2AEB1'],
  },
];

export interface BannerDef {
  id: string;
  title: string;
  subtitle: string;
  palette: [string, string, string];
  hero: { productId: string; color: ColorKey };
}

export const BANNERS: BannerDef[] = [
  { id: 'bn-summer', title: '夏季冰感穿搭', subtitle: '合集专享 满299减40', palette: ['#2E8C8A', '#BFE3DC', '#F6C35B'], hero: { productId: 'p001', color: 'white' } },
  { id: 'bn-cashmere', title: '山羊绒新品 金卡优先购', subtitle: '提前24小时抢先购', palette: ['#1F2A44', '#C9A96E', '#F4EBDD'], hero: { productId: 'p037', color: 'wine' } },
  { id: 'bn-flash', title: '限时秒杀', subtitle: '每日10点 爆款低至5折', palette: ['#D9452F', '#FFB347', '#FFF3E0'], hero: { productId: 'p039', color: 'grey' } },
];
