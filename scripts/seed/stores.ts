import type { SeedClock } from './clock';
import { fileId } from './file-ids';
import type { ManagerDoc, StaffDoc, StoreDoc } from './types';

export interface StoreDef {
  id: string;
  name: string;
  city: string;
  district: string;
  address: string;
  /** [lng, lat], GCJ-02 (what WeChat maps and wx.getLocation type 'gcj02' use). */
  lngLat: [number, number];
  phone: string;
  hours: { open: string; close: string };
  services: string[];
  /** Facade colours for the store photo. */
  facade: [string, string];
}

// Coordinates are the malls' positions as the author knows them (GCJ-02, good to roughly 100-200 m),
// not surveyed points. Phone numbers are made up for the demo.
export const STORES: StoreDef[] = [
  {
    id: 's-sh-jingan',
    name: '静安嘉里中心店',
    city: '上海',
    district: '静安区',
    address: '上海市静安区南京西路1515号 静安嘉里中心南区 B1-12',
    lngLat: [121.4497, 31.2229],
    phone: '021-6288 1515',
    hours: { open: '10:00', close: '22:00' },
    services: ['门店自提', '免费修改裤长', '试衣预约'],
    facade: ['#E8E1D6', '#2F3A4F'],
  },
  {
    id: 's-sh-njxl',
    name: '南京西路兴业太古汇店',
    city: '上海',
    district: '静安区',
    address: '上海市静安区南京西路789号 兴业太古汇 L2-21',
    lngLat: [121.4589, 31.2297],
    phone: '021-6258 0789',
    hours: { open: '10:00', close: '22:00' },
    services: ['门店自提', '试衣预约'],
    facade: ['#F1ECE4', '#8C5A3C'],
  },
  {
    id: 's-sh-xujiahui',
    name: '徐家汇港汇恒隆店',
    city: '上海',
    district: '徐汇区',
    address: '上海市徐汇区虹桥路1号 港汇恒隆广场 L3-08',
    lngLat: [121.4378, 31.1951],
    phone: '021-6407 0001',
    hours: { open: '10:00', close: '22:00' },
    services: ['门店自提', '免费修改裤长'],
    facade: ['#E4E8EA', '#3D6B6A'],
  },
  {
    id: 's-sh-lujiazui',
    name: '陆家嘴国金中心店',
    city: '上海',
    district: '浦东新区',
    address: '上海市浦东新区世纪大道8号 上海国金中心商场 LG1-36',
    lngLat: [121.5019, 31.2362],
    phone: '021-5012 0008',
    hours: { open: '10:00', close: '22:00' },
    services: ['门店自提', '试衣预约', '礼品包装'],
    facade: ['#ECE9E3', '#1F2A44'],
  },
  {
    id: 's-hz-hubin',
    name: '杭州湖滨银泰in77店',
    city: '杭州',
    district: '上城区',
    address: '浙江省杭州市上城区延安路258号 湖滨银泰in77 C区 1F',
    lngLat: [120.1643, 30.2577],
    phone: '0571-8702 0258',
    hours: { open: '10:00', close: '22:00' },
    services: ['门店自提', '试衣预约'],
    facade: ['#EEE6DA', '#6D7147'],
  },
  {
    id: 's-hz-xixi',
    name: '杭州西溪印象城店',
    city: '杭州',
    district: '余杭区',
    address: '浙江省杭州市余杭区五常大道1号 西溪印象城 2F',
    lngLat: [120.0796, 30.2868],
    phone: '0571-8899 0001',
    hours: { open: '10:00', close: '21:30' },
    services: ['门店自提'],
    facade: ['#E9ECE4', '#A4652F'],
  },
  {
    id: 's-bj-sanlitun',
    name: '北京三里屯太古里店',
    city: '北京',
    district: '朝阳区',
    address: '北京市朝阳区三里屯路19号 三里屯太古里南区 S3-12',
    lngLat: [116.4551, 39.9368],
    phone: '010-6417 0019',
    hours: { open: '10:00', close: '22:00' },
    services: ['门店自提', '试衣预约', '礼品包装'],
    facade: ['#EDE7E1', '#7C2B37'],
  },
];

export function storeImage(storeId: string): string {
  return fileId(`stores/${storeId}.png`);
}

export const STAFF: { openid: string; storeId: string; name: string; title: '店员' | '店长' }[] = [
  { openid: 'o_staff_jingan_1', storeId: 's-sh-jingan', name: '周婷', title: '店长' },
  { openid: 'o_staff_jingan_2', storeId: 's-sh-jingan', name: '吴磊', title: '店员' },
  { openid: 'o_staff_njxl_1', storeId: 's-sh-njxl', name: '孙悦', title: '店长' },
  { openid: 'o_staff_njxl_2', storeId: 's-sh-njxl', name: '马骁', title: '店员' },
  { openid: 'o_staff_xujiahui_1', storeId: 's-sh-xujiahui', name: '郑雯', title: '店长' },
  { openid: 'o_staff_lujiazui_1', storeId: 's-sh-lujiazui', name: '何佳', title: '店长' },
  { openid: 'o_staff_hubin_1', storeId: 's-hz-hubin', name: '沈清', title: '店长' },
  { openid: 'o_staff_hubin_2', storeId: 's-hz-hubin', name: '钱多多', title: '店员' },
  { openid: 'o_staff_xixi_1', storeId: 's-hz-xixi', name: '陆一鸣', title: '店长' },
  { openid: 'o_staff_sanlitun_1', storeId: 's-bj-sanlitun', name: '赵晨', title: '店长' },
  { openid: 'o_staff_sanlitun_2', storeId: 's-bj-sanlitun', name: '高远', title: '店员' },
];

export const MANAGERS = [
  { openid: 'o_manager_chen', name: '陈经理' },
  { openid: 'o_manager_zhou', name: '周运营' },
];

export function buildStores(clock: SeedClock): { stores: StoreDoc[]; staff: StaffDoc[]; managers: ManagerDoc[] } {
  const opened = clock.daysAgo(720);
  const stores: StoreDoc[] = STORES.map((s, i) => ({
    _id: s.id,
    name: s.name,
    city: s.city,
    district: s.district,
    address: s.address,
    location: { type: 'Point', coordinates: s.lngLat },
    phone: s.phone,
    hours: s.hours,
    image: storeImage(s.id),
    services: s.services,
    status: 'open',
    sort: (i + 1) * 10,
    createdAt: opened,
  }));
  const staff: StaffDoc[] = STAFF.map((s) => ({
    _id: s.openid,
    openid: s.openid,
    storeId: s.storeId,
    name: s.name,
    title: s.title,
    active: true,
    createdAt: clock.daysAgo(300),
  }));
  const managers: ManagerDoc[] = MANAGERS.map((m) => ({
    _id: m.openid,
    openid: m.openid,
    name: m.name,
    active: true,
    createdAt: clock.daysAgo(365),
  }));
  return { stores, staff, managers };
}
