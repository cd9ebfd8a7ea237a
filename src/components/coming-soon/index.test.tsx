import { fireEvent, render, screen } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { ComingSoon } from './index';

const props = {
  name: '门店核销工作台',
  summary: '店员在柜台为顾客核销优惠券与自提订单',
  features: ['扫码核销门店优惠券', '查看今日核销记录'],
  icon: <i />,
};

describe('ComingSoon', () => {
  it('says which capability is coming and what it will do', () => {
    render(<ComingSoon {...props} />);
    expect(screen.getByText('门店核销工作台即将上线')).toBeTruthy();
    expect(screen.getByText('店员在柜台为顾客核销优惠券与自提订单')).toBeTruthy();
    expect(screen.getByText('扫码核销门店优惠券')).toBeTruthy();
    expect(screen.getByText('查看今日核销记录')).toBeTruthy();
  });

  it('takes the visitor back to the home tab', () => {
    render(<ComingSoon {...props} />);
    fireEvent.click(screen.getByText('返回首页'));
    expect(Taro.switchTab).toHaveBeenCalledWith({ url: '/pages/home/index' });
  });
});
