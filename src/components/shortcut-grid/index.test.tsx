import { fireEvent, render, screen } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { ShortcutGrid } from './index';

const items = [
  { key: 'member', text: '会员中心', icon: <i />, url: '/packages/member/index/index' },
  { key: 'category', text: '全部分类', icon: <i />, url: '/pages/category/index', tab: true },
];

beforeEach(() => jest.clearAllMocks());

describe('ShortcutGrid', () => {
  it('shows every shortcut by name', () => {
    render(<ShortcutGrid items={items} />);
    expect(screen.getByText('会员中心')).toBeTruthy();
    expect(screen.getByText('全部分类')).toBeTruthy();
  });

  it('opens an area page with navigateTo', () => {
    render(<ShortcutGrid items={items} />);
    fireEvent.click(screen.getByText('会员中心'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/member/index/index' });
    expect(Taro.switchTab).not.toHaveBeenCalled();
  });

  it('opens a tab with switchTab, the only way WeChat allows', () => {
    render(<ShortcutGrid items={items} />);
    fireEvent.click(screen.getByText('全部分类'));
    expect(Taro.switchTab).toHaveBeenCalledWith({ url: '/pages/category/index' });
    expect(Taro.navigateTo).not.toHaveBeenCalled();
  });
});
