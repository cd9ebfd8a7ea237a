import { saleStatus } from './sale-status';

const H = 3_600_000;
const sale = { startsAt: Date.UTC(2026, 11, 1, 12, 0), endsAt: Date.UTC(2026, 11, 1, 14, 0) };

describe('flash-sale status', () => {
  it('counts down to the start, then to the end, then says 已结束', () => {
    expect(saleStatus(sale, sale.startsAt - (2 * H + 15 * 60_000 + 9_000))).toMatchObject({ status: 'upcoming', text: '距开始 02:15:09', early: false });
    expect(saleStatus(sale, sale.startsAt)).toMatchObject({ status: 'active', text: '距结束 02:00:00', early: false });
    expect(saleStatus(sale, sale.endsAt - 1)).toMatchObject({ status: 'active', text: '距结束 00:00:01' });
    expect(saleStatus(sale, sale.endsAt)).toMatchObject({ status: 'ended', text: '已结束' });
    expect(saleStatus(sale, sale.endsAt).countdown.ended).toBe(true);
  });

  it('shows a gold member inside their window an active sale, and others the public start', () => {
    const now = sale.startsAt - H;
    expect(saleStatus(sale, now, 'gold')).toMatchObject({ status: 'active', early: true, opensAt: sale.startsAt - 2 * H, text: '距结束 03:00:00' });
    expect(saleStatus(sale, now, 'silver')).toMatchObject({ status: 'upcoming', opensAt: sale.startsAt, text: '距开始 01:00:00' });
    expect(saleStatus(sale, sale.startsAt - 5 * H, 'diamond')).toMatchObject({ status: 'upcoming', text: '距开始 01:00:00' });
  });
});
