/**
 * Behaviour events: what the client reports in batches, and what the server records itself.
 *
 * The client may report only what it alone can see (views, cart adds, shares, check-ins, landing
 * visits). `order` and `pay` are written by the order and payment functions from their own
 * records: a forged client event must never make someone a buyer in tags or campaign reports.
 */
import { v, ValidationError, type Check, type Infer } from '../validate';

export const EVENT_TYPES = ['page_view', 'product_view', 'add_to_cart', 'share', 'checkin', 'campaign_visit', 'order', 'pay'] as const;
export type EventType = (typeof EVENT_TYPES)[number];

export const CLIENT_EVENT_TYPES = ['page_view', 'product_view', 'add_to_cart', 'share', 'checkin', 'campaign_visit'] as const;
export type ClientEventType = (typeof CLIENT_EVENT_TYPES)[number];

export const SERVER_EVENT_TYPES = ['order', 'pay'] as const;

const ID_PATTERN = /^[A-Za-z0-9_-]+$/;
const id = (label: string) => v.string({ min: 1, max: 64, pattern: ID_PATTERN, label });
// Mini-program routes such as `packages/product/detail/index`; no query string (ids go in the payload).
const pagePath = v.string({ min: 1, max: 200, pattern: /^\/?[A-Za-z0-9_\-/]+$/, label: '页面路径' });

/**
 * One payload shape per type. A product detail page reports `product_view` and not also
 * `page_view`, so a product visit counts once as a view.
 */
export const EVENT_PAYLOADS = {
  page_view: v.object({ path: pagePath }),
  product_view: v.object({ productId: id('商品') }),
  add_to_cart: v.object({ productId: id('商品'), skuId: id('规格'), quantity: v.int({ min: 1, max: 99, label: '数量' }) }),
  share: v.object({
    path: pagePath,
    channel: v.oneOf(['chat', 'timeline'] as const, { label: '分享渠道' }),
    productId: v.optional(id('商品')),
  }),
  checkin: v.object({}),
  campaign_visit: v.object({ campaignId: id('活动'), path: pagePath }),
  order: v.object({ orderId: id('订单') }),
  pay: v.object({ orderId: id('订单'), amount: v.int({ min: 0, label: '金额' }) }),
} satisfies Record<EventType, Check<unknown>>;

export type EventPayload<T extends EventType> = Infer<(typeof EVENT_PAYLOADS)[T]>;

export type BehaviourEvent<T extends EventType = EventType> = {
  [K in T]: {
    /** Made by the client once per event, so a retried batch is stored once (`_id = openid:id`). */
    id: string;
    type: K;
    /** When it happened, by the client's clock (ms since epoch); windows and attribution use it. */
    at: number;
    payload: EventPayload<K>;
  };
}[T];

export const EVENT_BATCH_LIMITS = {
  maxEvents: 50,
  /** A phone may queue events offline for a while; older than this they no longer help tags. */
  maxAgeMs: 7 * 24 * 60 * 60 * 1000,
  /** Clocks drift; an event much later than the server's now is a wrong clock, not the future. */
  maxFutureMs: 5 * 60 * 1000,
} as const;

export type EventBatchLimits = { readonly maxEvents: number; readonly maxAgeMs: number; readonly maxFutureMs: number };

export interface ParsedEventBatch {
  events: BehaviourEvent<ClientEventType>[];
  /** Dropped without failing the batch: the rest of a queued batch is still worth keeping. */
  dropped: { stale: number; future: number; duplicate: number };
}

const header = v.object({
  id: v.string({ min: 8, max: 64, pattern: ID_PATTERN, label: '事件编号' }),
  type: v.oneOf(CLIENT_EVENT_TYPES, { label: '事件类型' }),
  at: v.int({ min: 0, label: '事件时间' }),
});

/**
 * Validates a client batch. Anything malformed (not a list, too many, unknown type, wrong payload)
 * rejects the whole batch with a Chinese message naming the event, because it means a client bug
 * that should be seen; events that are merely too old, in the future or repeated are dropped and
 * counted.
 */
export function parseClientEventBatch(input: unknown, now: number, limits: EventBatchLimits = EVENT_BATCH_LIMITS): ParsedEventBatch {
  const items = v.array((x) => x, { min: 1, max: limits.maxEvents, label: '事件' })(input, '事件');
  const events: BehaviourEvent<ClientEventType>[] = [];
  const dropped = { stale: 0, future: 0, duplicate: 0 };
  const seen = new Set<string>();
  items.forEach((item, index) => {
    let event: BehaviourEvent<ClientEventType>;
    try {
      const head = header(item, '');
      const payload = EVENT_PAYLOADS[head.type]((item as Record<string, unknown>).payload ?? {}, '内容');
      event = { ...head, payload } as BehaviourEvent<ClientEventType>;
    } catch (e) {
      if (e instanceof ValidationError) throw new ValidationError(`第${index + 1}个事件`, `：${e.message}`);
      throw e;
    }
    if (now - event.at > limits.maxAgeMs) dropped.stale += 1;
    else if (event.at - now > limits.maxFutureMs) dropped.future += 1;
    else if (seen.has(event.id)) dropped.duplicate += 1;
    else {
      seen.add(event.id);
      events.push(event);
    }
  });
  return { events, dropped };
}
