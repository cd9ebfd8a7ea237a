import { callFunction } from './cloud';
import { groupbuyService } from './groupbuy';

jest.mock('./cloud', () => ({ callFunction: jest.fn() }));
const call = callFunction as jest.MockedFunction<typeof callFunction>;

beforeEach(() => {
  call.mockReset();
  call.mockResolvedValue({ ok: true, data: {} } as never);
});

describe('the manager’s 拼团活动 calls', () => {
  it('sends what the groupbuy function expects, and never a role or a normal price', async () => {
    await groupbuyService.adminActivities();
    const input = { title: '纯棉T恤 3人团', startsAt: 1, endsAt: 2, groupSize: 3, timeLimitMinutes: 1440, perUserLimit: 2, skus: [{ skuId: 'p002-white-m', groupPrice: 9900, stock: 20 }] };
    await groupbuyService.saveActivity(input);
    await groupbuyService.endActivity('gb-1');
    expect(call.mock.calls).toEqual([
      ['groupbuy', { action: 'adminActivities' }],
      ['groupbuy', { action: 'saveActivity', ...input }],
      ['groupbuy', { action: 'endActivity', activityId: 'gb-1' }],
    ]);
  });
});
