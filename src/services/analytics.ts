/**
 * Behaviour events (docs/tags-and-push.md §1), batched so a page never waits on them: `track()`
 * only queues; a batch goes to the `analytics` function when 20 events are waiting, every 10 s, and
 * when the app is hidden. A batch that fails is sent once more with the same event ids (the server
 * stores `<openid>:<id>` once, so a batch that did arrive is not counted twice), then dropped.
 */
import Taro, { getCurrentInstance, useDidShow } from '@tarojs/taro';
import type { ClientEventType, EventPayload } from '@/domain/tags/events';
import type { Reply } from '@/domain/reply';
import { callFunction } from './cloud';

export interface QueuedEvent {
  id: string;
  type: ClientEventType;
  at: number;
  payload: Record<string, unknown>;
}

export interface BatcherOptions {
  send(events: QueuedEvent[]): Promise<Reply<unknown>>;
  now?: () => number;
  /** Flush as soon as this many events wait. */
  flushAt?: number;
  /** Flush whatever waits this long after the first queued event. */
  flushIntervalMs?: number;
  /** The server's batch limit (EVENT_BATCH_LIMITS.maxEvents). */
  maxBatch?: number;
  /** Beyond this the oldest waiting events are dropped: analytics must not grow memory without end. */
  maxQueued?: number;
}

// A refused batch (bad input) would be refused again; anything else (network, rate limit, crash) may pass next time.
const NOT_RETRIED = new Set(['INVALID_INPUT', 'UNAUTHENTICATED']);

function newEventId(): string {
  return `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 12)}`.slice(0, 24).padEnd(8, '0');
}

export class EventBatcher {
  private queue: QueuedEvent[] = [];
  /** A batch that failed once, sent again (same ids) ahead of new events at the next flush. */
  private retry: QueuedEvent[] | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private sending: Promise<void> | null = null;
  private readonly flushAt: number;
  private readonly flushIntervalMs: number;
  private readonly maxBatch: number;
  private readonly maxQueued: number;
  private readonly now: () => number;

  constructor(private readonly options: BatcherOptions) {
    this.flushAt = options.flushAt ?? 20;
    this.flushIntervalMs = options.flushIntervalMs ?? 10_000;
    this.maxBatch = options.maxBatch ?? 50;
    this.maxQueued = options.maxQueued ?? 200;
    this.now = options.now ?? Date.now;
  }

  track<T extends ClientEventType>(type: T, payload: EventPayload<T>): void {
    this.queue.push({ id: newEventId(), type, at: this.now(), payload: payload as Record<string, unknown> });
    if (this.queue.length > this.maxQueued) this.queue.splice(0, this.queue.length - this.maxQueued);
    if (this.queue.length >= this.flushAt) void this.flush();
    else if (!this.timer) this.timer = setTimeout(() => void this.flush(), this.flushIntervalMs);
  }

  get pending(): number {
    return this.queue.length + (this.retry?.length ?? 0);
  }

  /** Sends what waits; never throws. Concurrent calls wait for the batch on its way. */
  flush(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    if (this.sending) return this.sending.then(() => (this.queue.length || this.retry ? this.flush() : undefined));
    this.sending = this.drain().finally(() => {
      this.sending = null;
    });
    return this.sending;
  }

  private async drain(): Promise<void> {
    if (this.retry) {
      const batch = this.retry;
      this.retry = null;
      await this.sendBatch(batch, false);
    }
    while (this.queue.length > 0) {
      const batch = this.queue.splice(0, this.maxBatch);
      await this.sendBatch(batch, true);
    }
  }

  private async sendBatch(batch: QueuedEvent[], mayRetry: boolean): Promise<void> {
    let reply: Reply<unknown>;
    try {
      reply = await this.options.send(batch);
    } catch {
      reply = { ok: false, code: 'NETWORK', message: '' };
    }
    if (reply.ok || NOT_RETRIED.has(reply.code) || !mayRetry) return;
    this.retry = batch;
    if (!this.timer) this.timer = setTimeout(() => void this.flush(), this.flushIntervalMs);
  }
}

export const analytics = new EventBatcher({
  send: (events) => callFunction('analytics', { action: 'track', events }),
});

let hideHooked = false;
function flushOnHide(): void {
  if (hideHooked) return;
  hideHooked = true;
  // The app may be killed while hidden: what waits goes out now.
  if (typeof Taro.onAppHide === 'function') Taro.onAppHide(() => void analytics.flush());
}

/** A mini-program route without its query string or leading slash, as events name pages. */
export function routeOf(path: string | undefined): string {
  return (path ?? '').split('?')[0].replace(/^\/+/, '');
}

/**
 * A page shown: one `page_view` (or, with `productId`, one `product_view`, so a product visit counts
 * once), and a `campaign_visit` when the page was opened from a push (`?campaignId=`, which the
 * push function adds to every landing page).
 */
export function trackPageShown(path: string, params: Record<string, string | undefined> = {}, productId?: string): void {
  flushOnHide();
  const route = routeOf(path);
  if (!/^[A-Za-z0-9_\-/]+$/.test(route)) return;
  if (productId) analytics.track('product_view', { productId });
  else analytics.track('page_view', { path: route });
  const { campaignId } = params;
  if (campaignId && /^[A-Za-z0-9_-]{1,64}$/.test(campaignId)) analytics.track('campaign_visit', { campaignId, path: route });
}

/** For pages: reports each show of the current page (see trackPageShown). */
export function usePageView(productId?: string): void {
  useDidShow(() => trackCurrentPage(productId));
}

export function trackProductView(productId: string): void {
  trackCurrentPage(productId);
}

function trackCurrentPage(productId?: string): void {
  // Analytics must never break a page: anything odd about the router is ignored.
  try {
    const router = getCurrentInstance()?.router;
    trackPageShown(router?.path ?? '', (router?.params ?? {}) as Record<string, string | undefined>, productId);
  } catch {
    // nothing to report
  }
}

export function trackAddToCart(productId: string, skuId: string, quantity: number): void {
  analytics.track('add_to_cart', { productId, skuId, quantity: Math.max(1, Math.min(99, Math.floor(quantity))) });
}

export function trackShare(path: string, channel: 'chat' | 'timeline', productId?: string): void {
  const route = routeOf(path);
  if (!/^[A-Za-z0-9_\-/]+$/.test(route)) return;
  analytics.track('share', productId ? { path: route, channel, productId } : { path: route, channel });
}

export function trackCheckin(): void {
  analytics.track('checkin', {});
}

// ── Preferences and managers' tag desk (docs/api.md "analytics", "tags") ─────────────────────────

export interface MarketingPreference {
  marketingOptOut: boolean;
  marketingOptOutAt: string | null;
}

export const preferencesService = {
  read: () => callFunction<MarketingPreference>('analytics', { action: 'preferences' }),
  setMarketingOptOut: (marketingOptOut: boolean) => callFunction<MarketingPreference>('analytics', { action: 'preferences', marketingOptOut }),
};

export interface TagUserSummary {
  openid: string;
  nickName: string;
  avatarUrl: string;
  tier: string;
  city: string | null;
  points: number;
}

export interface UserTagsView {
  tags: string[];
  lifecycleTags: string[];
  manualTags: string[];
  interests: string[];
  tier: string;
  city: string | null;
  storeId: string | null;
  segment: string | null;
  rfm: { r: number; f: number; m: number } | null;
  marketingOptOut: boolean;
  computedAt: number;
}

export const userTagsService = {
  search: (q: string) => callFunction<{ users: TagUserSummary[] }>('tags', { action: 'search', q }),
  user: (openid: string) => callFunction<{ user: TagUserSummary & { marketingOptOut: boolean }; tags: UserTagsView | null; storeName: string | null }>('tags', { action: 'user', openid }),
  setManual: (openid: string, change: { add?: string[]; remove?: string[] }) =>
    callFunction<{ manualTags: string[]; tags: UserTagsView | null }>('tags', { action: 'setManual', openid, ...change }),
};
