/** Orders (cloud function `orders`): checkout, the shopper's orders and the manager's actions. */
import type { Fen } from '@/domain/money';
import type { PriceBreakdown } from '@/domain/pricing';
import Taro from '@tarojs/taro';
import { fail, ok, type Reply } from '@/domain/reply';
import type { Address } from './address';
import { callFunction } from './cloud';
import { referralCode } from './referral';

export type OrderStatus = 'pending_payment' | 'grouping' | 'paid' | 'shipped' | 'completed' | 'cancelled' | 'refunded';
export type RefundStatus = 'requested' | 'approved' | 'rejected' | 'refunded';
/** The tabs of the shopper's order list; 'refund' = every order with an after-sales request. */
export type OrderListFilter = 'all' | 'pending_payment' | 'paid' | 'shipped' | 'completed' | 'refund';
export type DeliveryMethod = 'express' | 'pickup';
/** Dates travel as ISO strings or epoch ms; `toDate` reads both. */
export type WireDate = string | number | { $date: string | number };

export interface CheckoutItem {
  skuId: string;
  quantity: number;
}

export interface CheckoutInput {
  items: CheckoutItem[];
  couponId?: string;
  usePoints?: number | 'max';
  delivery: DeliveryMethod;
  addressId?: string;
  storeId?: string;
}

export interface OrderLine {
  skuId: string;
  productId?: string;
  title: string;
  image: string;
  specText: string;
  unitPrice: Fen;
  quantity: number;
}

export interface CouponChoice {
  id: string;
  title: string;
  applies: boolean;
  reason?: string;
  discount: Fen;
}

export interface StoreBrief {
  id: string;
  name: string;
  address?: string;
}

export interface PreviewData {
  lines: OrderLine[];
  breakdown: PriceBreakdown;
  coupons: CouponChoice[];
  pointsBalance: number;
  address?: Address | null;
  store?: StoreBrief | null;
  /** stores that offer pickup, when the backend lists them with the preview */
  stores?: StoreBrief[];
}

export interface RefundInfo {
  status: RefundStatus;
  reason?: string;
  description?: string;
  photos?: string[];
  amount?: Fen;
  rejectReason?: string | null;
  note?: string | null;
  requestedAt?: WireDate;
}

export interface OrderSummary {
  id: string;
  status: OrderStatus;
  statusText: string;
  createdAt: WireDate;
  payable: Fen;
  itemCount: number;
  lines: OrderLine[];
  refund?: RefundInfo | null;
  /** manager lists only */
  buyer?: { nickName?: string; openid?: string } | null;
  buyerNickName?: string;
}

export interface HistoryEntry {
  status: string;
  statusText: string;
  at: WireDate;
  note?: string;
}

export interface AddressSnapshot {
  name: string;
  phone: string;
  province: string;
  city: string;
  district: string;
  detail: string;
}

export interface OrderDelivery {
  method: DeliveryMethod;
  address?: AddressSnapshot;
  express?: { company?: string; carrier?: string; trackingNo: string; shippedAt?: WireDate } | null;
  storeId?: string;
  storeName?: string;
  pickupCode?: string;
}

export interface OrderDetail extends Omit<OrderSummary, 'lines'> {
  /** every item (lists carry only the first three, as `lines`) */
  items: OrderLine[];
  breakdown: PriceBreakdown;
  delivery: OrderDelivery;
  history: HistoryEntry[];
  payment?: { outTradeNo?: string; amount?: Fen; paidAt?: WireDate | null } | null;
  expiresAt?: WireDate | null;
  remark?: string;
  /** The group this group-buy order belongs to (its page shows members and places left). */
  groupbuy?: { groupId: string; role: 'leader' | 'member' } | null;
}

/** One page of a list, as pages page through it (`usePagedList`). */
export interface ListPage {
  items: OrderSummary[];
  hasMore: boolean;
}

/** The wire shape names the rows `orders`. */
const asListPage = (r: Reply<{ orders: OrderSummary[]; hasMore: boolean }>): Reply<ListPage> =>
  r.ok ? ok({ items: r.data.orders, hasMore: r.data.hasMore }) : r;

export interface PayData {
  orderId: string;
  outTradeNo: string;
  totalFee: Fen;
  /** the parameters of wx.requestPayment; null when nothing is left to pay (the server marked it paid) */
  payment: Record<string, string> | null;
}

export function toDate(value: WireDate | null | undefined): Date | null {
  if (value === null || value === undefined) return null;
  const raw = typeof value === 'object' ? value.$date : value;
  const date = new Date(raw);
  return Number.isNaN(date.getTime()) ? null : date;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** '2026-11-22 08:05', in the phone's own time zone. */
export function formatTime(value: WireDate | null | undefined): string {
  const d = toDate(value);
  if (!d) return '';
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

export const REFUND_STATUS_TEXT: Record<RefundStatus, string> = {
  requested: '退款审核中',
  approved: '退款中',
  rejected: '退款被拒绝',
  refunded: '已退款',
};

const call = <T>(data: Record<string, unknown>) => callFunction<T>('orders', data);

export const ordersService = {
  preview: (input: CheckoutInput) => call<PreviewData>({ action: 'preview', ...input }),
  create: (input: CheckoutInput & { fromCart?: boolean; requestId: string; remark?: string }) =>
    // The referral code the shopper arrived with this visit is recorded on the order (attribution).
    call<{ orderId: string; payable: Fen; status: OrderStatus }>({ action: 'create', ...input, referralCode: referralCode() }),
  pay: (orderId: string) => call<PayData>({ action: 'pay', orderId }),
  cancel: (orderId: string) => call<unknown>({ action: 'cancel', orderId }),
  confirm: (orderId: string) => call<unknown>({ action: 'confirm', orderId }),
  list: (status: OrderListFilter, page = 1, pageSize = 10) => call<{ orders: OrderSummary[]; hasMore: boolean }>({ action: 'list', status, page, pageSize }).then(asListPage),
  detail: (orderId: string) => call<OrderDetail>({ action: 'detail', orderId }),
  refundRequest: (input: { orderId: string; reason: string; description?: string; photos?: string[] }) =>
    call<unknown>({ action: 'refundRequest', ...input }),
  adminList: (status: string, page = 1) => call<{ orders: OrderSummary[]; hasMore: boolean }>({ action: 'adminList', status, page }).then(asListPage),
  adminDetail: (orderId: string) => call<OrderDetail>({ action: 'adminDetail', orderId }),
  ship: (orderId: string, carrier: string, trackingNo: string) => call<unknown>({ action: 'ship', orderId, carrier, trackingNo }),
  refundReview: (orderId: string, approve: boolean, note?: string) => call<unknown>({ action: 'refundReview', orderId, approve, note }),
};

/** A new id for one checkout visit: `create` with the same id makes one order, however often it is sent. */
export function newRequestId(): string {
  return `rq-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}


/** Whether this build can upload refund photos (cloud storage is the mini-program's). */
export const canUploadPhotos = (): boolean => process.env.TARO_ENV === 'weapp';

/** Uploads a photo the shopper picked to cloud storage; replies with its file id. */
export async function uploadRefundPhoto(orderId: string, tempPath: string): Promise<Reply<{ fileId: string }>> {
  try {
    const ext = /\.(\w+)$/.exec(tempPath)?.[1] ?? 'jpg';
    const res = await Taro.cloud.uploadFile({ cloudPath: `refunds/${orderId}/${Date.now()}-${Math.random().toString(36).slice(2, 8)}.${ext}`, filePath: tempPath });
    return { ok: true, data: { fileId: res.fileID } };
  } catch {
    return fail('UPLOAD_FAILED', '照片上传失败，请重试');
  }
}
