import { fireEvent, render, screen } from '@testing-library/react';
import type { FlashSale, ProductFlash } from '@/services/flashsale';
import { soldPercent } from '@/services/flashsale';
import type { Activity, GroupCard } from '@/services/groupbuy';
import { FlashBanner } from './flash-banner';
import { GroupStripView } from './group-strip';

const NOW = new Date('2026-11-22T02:00:00Z').getTime();
const HOUR = 3_600_000;

beforeEach(() => {
  jest.useFakeTimers();
  jest.setSystemTime(NOW);
});
afterEach(() => jest.useRealTimers());

const blocks = (container: HTMLElement) => Array.from(container.querySelectorAll('.countdown__block')).map((b) => b.textContent).join(':');

const item = (skuId: string, salePrice: number, stockLeft: number, sold: number) => ({
  saleItemId: `fs-now:${skuId}`,
  productId: 'p039',
  skuId,
  title: '羊毛混纺针织开衫',
  image: '',
  specText: skuId,
  salePrice,
  listPrice: 25900,
  stockLeft,
  sold,
  perUserLimit: 1,
});

const sale = (over: Partial<FlashSale> = {}): FlashSale => ({
  saleId: 'fs-now',
  title: '限时秒杀 · 爆款低至5折',
  startAt: NOW - HOUR,
  endAt: NOW + 3 * HOUR,
  status: 'active',
  priorityStartAt: null,
  items: [item('p039-black-m', 12900, 10, 5), item('p039-grey-m', 12900, 0, 10)],
  ...over,
});

const flash = (s: FlashSale | null, viewer: Partial<ProductFlash['viewer']> = {}): ProductFlash => ({ sale: s, viewer: { canBuyNow: true, reason: null, bought: {}, ...viewer }, now: NOW });

describe('soldPercent', () => {
  it('is the share sold of all units put up, 100 only when none is left', () => {
    expect(soldPercent([{ sold: 15, stockLeft: 10 }])).toBe(60);
    expect(soldPercent([{ sold: 999, stockLeft: 1 }])).toBe(99);
    expect(soldPercent([{ sold: 3, stockLeft: 0 }])).toBe(100);
    expect(soldPercent([])).toBe(0);
  });
});

describe('FlashBanner', () => {
  it('while active: 秒杀价 against the list price, 已抢N% and the countdown to the end', () => {
    const { container } = render(<FlashBanner flash={flash(sale())} />);
    expect(screen.getByText('秒杀价')).toBeTruthy();
    expect(container.textContent).toContain('¥129');
    expect(container.textContent).toContain('¥259');
    expect(screen.getByText('已抢60%')).toBeTruthy();
    expect(screen.getByText('距结束')).toBeTruthy();
    expect(blocks(container)).toBe('03:00:00');
  });

  it('while upcoming: the countdown to the start and the 会员优先购 note', () => {
    const { container } = render(<FlashBanner flash={flash(sale({ status: 'upcoming', startAt: NOW + 5 * HOUR, endAt: NOW + 7 * HOUR, priorityStartAt: NOW + 3 * HOUR }), { canBuyNow: false, reason: '秒杀尚未开始' })} />);
    expect(screen.getByText('距开始')).toBeTruthy();
    expect(blocks(container)).toBe('05:00:00');
    expect(container.textContent).toMatch(/会员优先购：金卡 \d{2}:\d{2}、黑钻 \d{2}:\d{2} 起可抢/);
    expect(screen.queryByText(/已抢/)).toBeNull();
  });

  it('says so when this member is inside the priority window', () => {
    render(<FlashBanner flash={flash(sale({ status: 'upcoming', startAt: NOW + HOUR, priorityStartAt: NOW - HOUR }), { canBuyNow: true })} />);
    expect(screen.getByText('限时秒杀 · 会员优先购中')).toBeTruthy();
  });

  it('shows nothing without a sale or after it ended', () => {
    const { container, rerender } = render(<FlashBanner flash={flash(null)} />);
    expect(container.textContent).toBe('');
    rerender(<FlashBanner flash={flash(sale({ status: 'ended' }))} />);
    expect(container.textContent).toBe('');
  });
});

describe('GroupStripView', () => {
  const activity: Activity = {
    activityId: 'gb-denim',
    productId: 'p017',
    title: '复古直筒牛仔裤 3人团',
    image: '',
    size: 3,
    timeLimitMinutes: 2880,
    perUserLimit: 1,
    startAt: NOW - 24 * HOUR,
    endAt: NOW + 240 * HOUR,
    status: 'active',
    skus: [
      { skuId: 'a', specText: '25', groupPrice: 16900, listPrice: 25900, stockLeft: 3 },
      { skuId: 'b', specText: '26', groupPrice: 17900, listPrice: 25900, stockLeft: 3 },
    ],
  };
  const groups: GroupCard[] = [1, 2, 3, 4].map((n) => ({ groupId: `g${n}`, leader: { nickname: `团长${n}`, avatar: '' }, paidCount: 1, size: 3, placesLeft: 3 - n > 0 ? 3 - n : 1, deadline: NOW + n * HOUR }));

  it('offers N人拼团 at the lowest group price, at most three groups to join, and 发起拼团', () => {
    const onOpen = jest.fn();
    const onJoin = jest.fn();
    const { container } = render(<GroupStripView activity={activity} groups={groups} onOpen={onOpen} onJoin={onJoin} />);
    expect(container.textContent).toContain('3人拼团 ¥169');
    expect(screen.getAllByText('去参团')).toHaveLength(3);
    expect(screen.queryByText('团长4')).toBeNull();
    fireEvent.click(screen.getAllByText('去参团')[1]);
    expect(onJoin).toHaveBeenCalledWith('g2');
    fireEvent.click(screen.getByText('发起拼团'));
    expect(onOpen).toHaveBeenCalledTimes(1);
  });

  it('has no 发起拼团 before the activity starts', () => {
    render(<GroupStripView activity={{ ...activity, status: 'upcoming' }} groups={[]} onOpen={() => undefined} onJoin={() => undefined} />);
    expect(screen.queryByText('发起拼团')).toBeNull();
    expect(screen.getByText('即将开始')).toBeTruthy();
  });
});
