/**
 * Order events (`paid`, `completed`, `refunded`) for the functions that react to orders: membership
 * (points, tiers), referral, tags. Each event is written to the `order_events` outbox in the same
 * transaction as the order's state change, so an order never changes state without its event and
 * an event never exists for a change that did not happen. Delivery is at least once: right after
 * the change, and again by a timer for anything still pending. A subscriber is marked delivered
 * once it acknowledges, so it is not called again; subscribers must still treat a repeat as a
 * no-op (e.g. key their ledger entries on the order id), since a crash between their work and the
 * acknowledgement means one more call.
 *
 * Subscribing: add the function's name to ORDER_EVENT_SUBSCRIBERS and give it an `onOrderEvent`
 * action that receives `{ event }` and replies `{ ok: true }`. A `settings` document with `_id`
 * 'order_events' and a `subscribers` list overrides the list (operations can pause one without a release).
 */
import type { Fen } from '../../src/domain/money';
import type { TierId } from '../../src/domain/tiers';
import type { Database, Transaction } from './db-types';

export type OrderEventType = 'paid' | 'completed' | 'refunded';

/** Function names called with `{ action: 'onOrderEvent', event }`, in this order (tags after referral: it counts qualified invites). */
// Called in this order, one after another: tags recomputes the referrer's KOC tag from the
// invitee that referral has just qualified.
export const ORDER_EVENT_SUBSCRIBERS: readonly string[] = ['membership', 'referral', 'tags'];

/** What a subscriber needs without reading the order again (it may, for anything else). */
export interface OrderEventPayload {
  orderType: string;
  tierId: TierId;
  payable: Fen;
  merchandisePaid: Fen;
  /** Points the order earns when it completes (pricing.pointsEarnable). */
  pointsEarnable: number;
  /** Points already credited for this order (order_earn); a refund claws these back. */
  pointsEarned: number;
  itemCount: number;
  items: { productId: string; skuId: string; categoryId: string; quantity: number; paid: Fen }[];
  refundId?: string;
  refundAmount?: Fen;
}

export interface OrderEvent {
  /** `<orderId>:<type>`: one event per order and kind, so replaying a change cannot make a second. */
  _id: string;
  type: OrderEventType;
  orderId: string;
  openid: string;
  at: Date;
  payload: OrderEventPayload;
  /** Subscribers still to acknowledge. */
  pending: string[];
  delivered: string[];
  /** True once nobody is pending: the sweep looks only at done: false. */
  done: boolean;
  attempts: number;
  createdAt: Date;
}

export function orderEventId(orderId: string, type: OrderEventType): string {
  return `${orderId}:${type}`;
}

async function subscribers(db: Database): Promise<string[]> {
  const { data } = await db.collection<{ subscribers?: unknown }>('settings').where({ _id: 'order_events' }).limit(1).get();
  const configured = data[0]?.subscribers;
  if (Array.isArray(configured) && configured.every((s) => typeof s === 'string')) return configured as string[];
  return [...ORDER_EVENT_SUBSCRIBERS];
}

/**
 * Stages the event in the transaction that changes the order. Call `subscribersFor(db)` before the
 * transaction (a read outside it) and pass the list in.
 */
export async function stageOrderEvent(
  t: Transaction,
  event: { type: OrderEventType; orderId: string; openid: string; at: Date; payload: OrderEventPayload },
  pending: readonly string[],
): Promise<OrderEvent> {
  const doc: OrderEvent = {
    _id: orderEventId(event.orderId, event.type),
    ...event,
    pending: [...pending],
    delivered: [],
    done: pending.length === 0,
    attempts: 0,
    createdAt: event.at,
  };
  await t.collection('order_events').add({ data: doc });
  return doc;
}

export const subscribersFor = subscribers;

/** wx-server-sdk's cloud (its callFunction typing also allows the callback style, hence unknown). */
interface Caller {
  callFunction(options: { name: string; data: Record<string, unknown> }): unknown;
}

function acknowledged(reply: unknown): boolean {
  const result = (reply as { result?: { ok?: unknown } } | null)?.result;
  return result?.ok === true;
}

/**
 * Calls every pending subscriber of one event once; each one that acknowledges is taken off the
 * pending list. Failures stay pending for the sweep. Never throws: the order change already happened.
 */
export async function dispatchOrderEvent(db: Database, cloud: Caller, eventId: string): Promise<{ delivered: string[]; failed: string[] }> {
  const outcome = { delivered: [] as string[], failed: [] as string[] };
  const { data } = await db.collection<OrderEvent>('order_events').where({ _id: eventId, done: false }).limit(1).get();
  const event = data[0];
  if (!event) return outcome;
  const _ = db.command;
  await db.collection('order_events').doc(eventId).update({ data: { attempts: _.inc(1) } });
  for (const name of event.pending) {
    try {
      const reply = await (cloud.callFunction({ name, data: { action: 'onOrderEvent', event: { ...event, pending: undefined, delivered: undefined } } }) as Promise<unknown>);
      if (!acknowledged(reply)) throw new Error(`${name} did not acknowledge`);
      await db.collection('order_events').doc(eventId).update({ data: { pending: _.pull(name), delivered: _.addToSet(name) } });
      outcome.delivered.push(name);
    } catch (error) {
      console.error(`[weave] order event ${eventId} -> ${name} failed`, error);
      outcome.failed.push(name);
    }
  }
  if (outcome.failed.length === 0) await db.collection('order_events').where({ _id: eventId, pending: _.size(0) }).update({ data: { done: true } });
  return outcome;
}

/** The timer's sweep: every event still pending, oldest first, a bounded batch per run. */
export async function dispatchPendingOrderEvents(db: Database, cloud: Caller, batch = 50): Promise<{ events: number; failed: number }> {
  const { data } = await db.collection<OrderEvent>('order_events').where({ done: false }).orderBy('createdAt', 'asc').limit(batch).get();
  let failed = 0;
  for (const event of data) {
    const res = await dispatchOrderEvent(db, cloud, event._id);
    failed += res.failed.length;
  }
  return { events: data.length, failed };
}
