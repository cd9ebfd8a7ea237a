/**
 * 拼团 (cloud function `groupbuy`, docs/api.md "groupbuy"). Money is integer fen; every instant is
 * epoch ms from the server's clock. Opening or joining creates a normal order of type 'groupbuy',
 * paid through `orders.pay` like any other (src/packages/order/use-pay-flow.tsx).
 */
import type { Fen } from '@/domain/money';
import type { Reply } from '@/domain/reply';
import { callFunction } from './cloud';
import type { DeliveryMethod, OrderStatus } from './orders';

export type ActivityStatus = 'upcoming' | 'active' | 'ended';
export type GroupStatus = 'opening' | 'forming' | 'succeeded' | 'failed';
export type ViewerRole = 'leader' | 'member' | 'paying' | 'none';

export interface ActivityCard {
  activityId: string;
  productId: string;
  title: string;
  image: string;
  size: number;
  /** the lowest SKU group price */
  groupPrice: Fen;
  listPrice: Fen;
  startAt: number;
  endAt: number;
  status: ActivityStatus;
  /** forming groups right now */
  openGroups: number;
}

export interface ActivitySku {
  skuId: string;
  specText: string;
  groupPrice: Fen;
  listPrice: Fen;
  stockLeft: number;
}

export interface Activity {
  activityId: string;
  productId: string;
  title: string;
  image: string;
  size: number;
  timeLimitMinutes: number;
  perUserLimit: number;
  startAt: number;
  endAt: number;
  status: ActivityStatus;
  skus: ActivitySku[];
}

/** A forming group someone can join. */
export interface GroupCard {
  groupId: string;
  leader: { nickname: string; avatar: string };
  paidCount: number;
  size: number;
  placesLeft: number;
  deadline: number;
}

export interface GroupMember {
  nickname: string;
  avatar: string;
  isLeader: boolean;
}

export interface GroupDetail {
  groupId: string;
  activityId: string;
  productId: string;
  title: string;
  image: string;
  size: number;
  groupPrice: Fen;
  listPrice: Fen;
  status: GroupStatus;
  failReason?: string | null;
  /** the failure in words ('未在时限内成团'), when the backend sends it */
  failText?: string | null;
  deadline: number;
  /** paid members only, leader first */
  members: GroupMember[];
  placesLeft: number;
  payingCount: number;
  viewer: {
    role: ViewerRole;
    orderId: string | null;
    canJoin: boolean;
    refusal: { code: string; message: string } | null;
    /** why a viewer who paid holds no place (overflow, refund), when the backend sends it */
    notice?: string | null;
  };
  shareTitle: string;
  /** the server's clock when it answered, when the backend sends it */
  now?: number;
}

export interface MyGroup {
  groupId: string;
  activityId: string;
  title: string;
  image: string;
  size: number;
  paidCount: number;
  status: GroupStatus;
  deadline: number;
  role: 'leader' | 'member';
  orderId: string;
  orderStatus: OrderStatus;
}

/** What every purchase (open, join, flash buy) sends; `requestId` makes a retry return the same order. */
export interface PurchaseInput {
  skuId: string;
  quantity: number;
  requestId: string;
  delivery?: DeliveryMethod;
  addressId?: string;
  storeId?: string;
}

export interface PurchaseReply {
  orderId: string;
  payable: Fen;
  status: OrderStatus;
}

/** One SKU of an activity as the manager sees it: `stock` is what the activity put up, `sold` what live orders hold. */
export interface AdminActivitySku {
  skuId: string;
  title: string;
  specText: string;
  image: string;
  groupPrice: Fen;
  listPrice: Fen;
  stock: number;
  stockLeft: number;
  sold: number;
}

export interface AdminActivity {
  activityId: string;
  productId: string;
  title: string;
  size: number;
  timeLimitMinutes: number;
  perUserLimit: number;
  startAt: number;
  endAt: number;
  /** by the server clock */
  status: ActivityStatus;
  createdAt: number;
  /** when a manager ended it early, else null */
  endedAt: number | null;
  groups: { forming: number; succeeded: number; failed: number };
  skus: AdminActivitySku[];
}

/** What the 新建拼团 form sends: instants in epoch ms, prices in fen, all SKUs of one product. */
export interface ActivityInput {
  title: string;
  startsAt: number;
  endsAt: number;
  groupSize: number;
  timeLimitMinutes: number;
  perUserLimit: number;
  skus: { skuId: string; groupPrice: Fen; stock: number }[];
}

const call = <T>(data: Record<string, unknown>): Promise<Reply<T>> => callFunction<T>('groupbuy', data);

export const groupbuyService = {
  activities: () => call<{ items: ActivityCard[]; now?: number }>({ action: 'activities' }),
  activity: (activityId: string) => call<{ activity: Activity; openGroups: GroupCard[]; now?: number }>({ action: 'activity', activityId }),
  forProduct: (productId: string) => call<{ activity: Activity | null; openGroups: GroupCard[]; now?: number }>({ action: 'forProduct', productId }),
  open: (activityId: string, input: PurchaseInput) => call<PurchaseReply & { groupId: string }>({ action: 'open', activityId, ...input }),
  join: (groupId: string, input: PurchaseInput) => call<PurchaseReply & { groupId: string }>({ action: 'join', groupId, ...input }),
  group: (groupId: string) => call<GroupDetail>({ action: 'group', groupId }),
  mine: () => call<{ groups: MyGroup[]; now?: number }>({ action: 'mine' }),
  /** manager: every activity, newest first */
  adminActivities: () => call<{ activities: AdminActivity[]; now: number }>({ action: 'adminActivities' }),
  /** manager: create an activity */
  saveActivity: (input: ActivityInput) => call<{ activity: AdminActivity }>({ action: 'saveActivity', ...input }),
  /** manager: end a running or upcoming activity now (groups already forming keep their deadlines) */
  endActivity: (activityId: string) => call<{ activity: AdminActivity }>({ action: 'endActivity', activityId }),
};

export const GROUP_STATUS_TEXT: Record<GroupStatus, string> = {
  opening: '待团长支付',
  forming: '拼团中',
  succeeded: '拼团成功',
  failed: '拼团失败（已退款）',
};
