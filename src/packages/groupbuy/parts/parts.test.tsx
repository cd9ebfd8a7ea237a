import { act, fireEvent, render, screen } from '@testing-library/react';
import type { ActivityCard, ActivitySku, GroupCard, MyGroup } from '@/services/groupbuy';
import { ActivityCardView } from './activity-card';
import { MyGroupCard } from './my-group-card';
import { OpenGroupRow } from './open-group-row';
import { GroupSeats, placesText } from './seats';
import { SkuChooser } from './sku-chooser';
import { GroupBanner } from './status-banner';

const NOW = new Date('2026-11-22T02:00:00Z').getTime();

beforeEach(() => {
  jest.useFakeTimers();
  jest.setSystemTime(NOW);
});
afterEach(() => jest.useRealTimers());

const blocks = (container: HTMLElement) => Array.from(container.querySelectorAll('.countdown__block')).map((b) => b.textContent).join(':');

describe('GroupSeats', () => {
  it('seats the paid members, leader marked, and leaves the rest of the N seats empty', () => {
    const { container } = render(
      <GroupSeats
        size={3}
        members={[
          { nickname: '林小满', avatar: '', isLeader: true },
          { nickname: '周周', avatar: '', isLeader: false },
        ]}
      />,
    );
    expect(container.querySelectorAll('.gb-seats__seat--taken')).toHaveLength(2);
    expect(screen.getAllByLabelText('空位')).toHaveLength(1);
    expect(screen.getByText('团长')).toBeTruthy();
    expect(screen.getByText('林')).toBeTruthy();
  });

  it('says how many are missing, or that the group is full', () => {
    expect(placesText(2)).toBe('还差2人');
    expect(placesText(0)).toBe('已满员');
  });
});

describe('GroupBanner', () => {
  it('while forming: 拼团中, places left, a ticking countdown and who is paying', () => {
    const { container } = render(<GroupBanner status="forming" placesLeft={2} payingCount={1} deadline={NOW + 65_000} />);
    expect(screen.getByText('拼团中')).toBeTruthy();
    expect(screen.getByText('还差2人')).toBeTruthy();
    expect(screen.getByText('1人正在支付')).toBeTruthy();
    expect(blocks(container)).toBe('00:01:05');
    act(() => {
      jest.advanceTimersByTime(1000);
    });
    expect(blocks(container)).toBe('00:01:04');
  });

  it('stops at the deadline and asks the page to look again', () => {
    const onEnd = jest.fn();
    render(<GroupBanner status="forming" placesLeft={1} payingCount={0} deadline={NOW + 2000} onEnd={onEnd} />);
    act(() => {
      jest.advanceTimersByTime(1000);
    });
    act(() => {
      jest.advanceTimersByTime(1000);
    });
    expect(screen.getByText('已结束')).toBeTruthy();
    expect(onEnd).toHaveBeenCalledTimes(1);
    act(() => {
      jest.advanceTimersByTime(5000);
    });
    expect(onEnd).toHaveBeenCalledTimes(1);
    expect(jest.getTimerCount()).toBe(0);
  });

  it('names the outcome without a countdown once decided', () => {
    const { container, rerender } = render(<GroupBanner status="succeeded" placesLeft={0} payingCount={0} deadline={NOW + 60_000} />);
    expect(screen.getByText('拼团成功')).toBeTruthy();
    expect(container.querySelector('.countdown')).toBeNull();
    rerender(<GroupBanner status="failed" placesLeft={1} payingCount={0} deadline={NOW - 1} />);
    expect(screen.getByText('拼团失败（已退款）')).toBeTruthy();
  });
});

describe('OpenGroupRow', () => {
  const group: GroupCard = { groupId: 'g1', leader: { nickname: '周周', avatar: '' }, paidCount: 1, size: 3, placesLeft: 2, deadline: NOW + 3_600_000 };

  it('shows the leader, the places left and the countdown; 去参团 opens the group', () => {
    const onJoin = jest.fn();
    const { container } = render(<OpenGroupRow group={group} onJoin={onJoin} />);
    expect(screen.getByText('周周')).toBeTruthy();
    expect(screen.getByText('还差2人')).toBeTruthy();
    expect(blocks(container)).toBe('01:00:00');
    fireEvent.click(screen.getByText('去参团'));
    expect(onJoin).toHaveBeenCalledWith('g1');
  });

  it('counts by the server clock', () => {
    const { container } = render(<OpenGroupRow group={group} serverNow={NOW + 30 * 60_000} onJoin={() => undefined} />);
    expect(blocks(container)).toBe('00:30:00');
  });
});

describe('SkuChooser', () => {
  const skus: ActivitySku[] = [
    { skuId: 'p017-denim-25', specText: '深蓝 / 25', groupPrice: 16900, listPrice: 25900, stockLeft: 3 },
    { skuId: 'p017-denim-26', specText: '深蓝 / 26', groupPrice: 16900, listPrice: 25900, stockLeft: 0 },
  ];

  it('picks an SKU with stock and never one that is gone', () => {
    const onSelect = jest.fn();
    render(<SkuChooser image="" skus={skus} skuId={null} onSelect={onSelect} quantity={1} onQuantity={() => undefined} perUserLimit={1} confirmText="确认开团" onConfirm={() => undefined} />);
    expect(screen.getByText('请选择规格')).toBeTruthy();
    expect((screen.getByText('确认开团') as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(screen.getByText('深蓝 / 26（已抢光）'));
    expect(onSelect).not.toHaveBeenCalled();
    fireEvent.click(screen.getByText('深蓝 / 25'));
    expect(onSelect).toHaveBeenCalledWith('p017-denim-25');
  });

  it('stops the quantity at the per-person limit, then confirms', () => {
    const onQuantity = jest.fn();
    const onConfirm = jest.fn();
    render(<SkuChooser image="" skus={skus} skuId="p017-denim-25" onSelect={() => undefined} quantity={2} onQuantity={onQuantity} perUserLimit={2} confirmText="确认参团" onConfirm={onConfirm} />);
    expect(screen.getByText('已选：深蓝 / 25')).toBeTruthy();
    expect(screen.getByText('每人限购2件')).toBeTruthy();
    fireEvent.click(screen.getByLabelText('增加'));
    expect(onQuantity).not.toHaveBeenCalled();
    fireEvent.click(screen.getByLabelText('减少'));
    expect(onQuantity).toHaveBeenCalledWith(1);
    fireEvent.click(screen.getByText('确认参团'));
    expect(onConfirm).toHaveBeenCalledTimes(1);
  });
});

describe('ActivityCardView', () => {
  const activity: ActivityCard = {
    activityId: 'gb-denim',
    productId: 'p017',
    title: '复古直筒牛仔裤 3人团',
    image: '',
    size: 3,
    groupPrice: 16900,
    listPrice: 25900,
    startAt: NOW - 86_400_000,
    endAt: NOW + 2 * 3_600_000,
    status: 'active',
    openGroups: 2,
  };

  it('shows N人团, both prices, the countdown to the end and 去开团', () => {
    const onOpen = jest.fn();
    const { container } = render(<ActivityCardView activity={activity} onOpen={onOpen} />);
    expect(screen.getByText('3人团')).toBeTruthy();
    expect(screen.getByText('2个团正在拼')).toBeTruthy();
    expect(container.textContent).toContain('¥169');
    expect(container.textContent).toContain('¥259');
    expect(screen.getByText('距结束')).toBeTruthy();
    expect(blocks(container)).toBe('02:00:00');
    fireEvent.click(screen.getByText('去开团'));
    expect(onOpen).toHaveBeenCalledWith('gb-denim');
  });

  it('counts to the start while upcoming', () => {
    render(<ActivityCardView activity={{ ...activity, status: 'upcoming', startAt: NOW + 60_000 }} onOpen={() => undefined} />);
    expect(screen.getByText('距开始')).toBeTruthy();
    expect(screen.getByText('即将开始')).toBeTruthy();
  });
});

describe('MyGroupCard', () => {
  const mine: MyGroup = {
    groupId: 'g1',
    activityId: 'gb-denim',
    title: '复古直筒牛仔裤 3人团',
    image: '',
    size: 3,
    paidCount: 1,
    status: 'forming',
    deadline: NOW + 60_000,
    role: 'leader',
    orderId: 'o1',
    orderStatus: 'grouping',
  };

  it('shows my role and the state; the order link does not also open the group', () => {
    const onOpen = jest.fn();
    const onOrder = jest.fn();
    render(<MyGroupCard group={mine} onOpen={onOpen} onOrder={onOrder} />);
    expect(screen.getByText('我开的团')).toBeTruthy();
    expect(screen.getByText('拼团中')).toBeTruthy();
    expect(screen.getByText('3人团 · 已有1人')).toBeTruthy();
    fireEvent.click(screen.getByText('查看订单'));
    expect(onOrder).toHaveBeenCalledWith('o1');
    expect(onOpen).not.toHaveBeenCalled();
    fireEvent.click(screen.getByText('邀请好友'));
    expect(onOpen).toHaveBeenCalledWith('g1');
  });

  it('says a failed group was refunded', () => {
    render(<MyGroupCard group={{ ...mine, status: 'failed', role: 'member' }} onOpen={() => undefined} onOrder={() => undefined} />);
    expect(screen.getByText('我参的团')).toBeTruthy();
    expect(screen.getByText('拼团失败（已退款）')).toBeTruthy();
  });
});
