jest.mock('@/services/cloud', () => ({ callFunction: jest.fn() }));

import { callFunction } from '@/services/cloud';
import { useSession } from './session';

const call = callFunction as jest.MockedFunction<typeof callFunction>;

beforeEach(() => {
  useSession.setState({ status: 'idle', openid: '', roles: [], staff: null, profile: null, error: null });
});

describe('session store', () => {
  it('keeps who the server says the user is', async () => {
    call.mockResolvedValueOnce({
      ok: true,
      data: {
        openid: 'o_staff_1',
        roles: ['consumer', 'staff'],
        staff: { storeId: 'store-jingan', name: '王店员' },
        profile: { nickName: '王', avatarUrl: '', tier: 'normal', points: 0, memberSince: '2026-01-01T00:00:00.000Z' },
        isNew: false,
      },
    });
    await useSession.getState().login();
    expect(call).toHaveBeenCalledWith('user', { action: 'login' });
    const s = useSession.getState();
    expect(s.status).toBe('ready');
    expect(s.hasRole('staff')).toBe(true);
    expect(s.hasRole('manager')).toBe(false);
    expect(s.staff?.storeId).toBe('store-jingan');
  });

  it('shows the failure message and grants no role when login fails', async () => {
    call.mockResolvedValueOnce({ ok: false, code: 'NETWORK', message: '网络异常，请检查网络后重试' });
    await useSession.getState().login();
    const s = useSession.getState();
    expect(s.status).toBe('error');
    expect(s.error).toEqual({ code: 'NETWORK', message: '网络异常，请检查网络后重试' });
    expect(s.hasRole('consumer')).toBe(false);
  });
});
