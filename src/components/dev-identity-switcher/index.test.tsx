import { fireEvent, render, screen, waitFor } from '@testing-library/react';

const identities = [
  { openid: 'o_demo_lin', role: 'consumer', label: '顾客 林小姐（金卡）' },
  { openid: 'o_staff_jingan_1', role: 'staff', label: '店员 王小雨 · 静安嘉里中心店' },
  { openid: 'o_manager_chen', role: 'manager', label: '运营 陈经理' },
];

jest.mock('@/services/dev-identity', () => {
  let current = 'o_demo_lin';
  return {
    getDevOpenid: () => current,
    setDevOpenid: (id: string) => {
      current = id;
    },
    listDevIdentities: jest.fn(async () => identities),
  };
});

import { getDevOpenid, listDevIdentities } from '@/services/dev-identity';
import { DevIdentitySwitcher } from './index';

describe('DevIdentitySwitcher', () => {
  it('lists the people a developer can act as, by role', async () => {
    render(<DevIdentitySwitcher onSwitched={jest.fn()} />);
    expect(await screen.findByText('林小姐（金卡）')).toBeTruthy();
    expect(screen.getByText('王小雨 · 静安嘉里中心店')).toBeTruthy();
    expect(screen.getByText('陈经理')).toBeTruthy();
    expect(screen.getAllByText('店员')).toHaveLength(1);
  });

  it('switches identity and asks the page to sign in again, but not for the current one', async () => {
    const onSwitched = jest.fn();
    render(<DevIdentitySwitcher onSwitched={onSwitched} />);
    fireEvent.click(await screen.findByText('林小姐（金卡）'));
    expect(onSwitched).not.toHaveBeenCalled();
    fireEvent.click(screen.getByText('陈经理'));
    expect(onSwitched).toHaveBeenCalledWith('o_manager_chen');
    expect(getDevOpenid()).toBe('o_manager_chen');
  });

  it('shows nothing when no local CloudBase answers (a real deployment)', async () => {
    (listDevIdentities as jest.Mock).mockResolvedValueOnce([]);
    const { container } = render(<DevIdentitySwitcher onSwitched={jest.fn()} />);
    await waitFor(() => expect(listDevIdentities).toHaveBeenCalled());
    expect(container.textContent).toBe('');
  });
});
