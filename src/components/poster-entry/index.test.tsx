import { fireEvent, render, screen } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { PosterEntry } from './index';

describe('PosterEntry', () => {
  it('opens the poster page for the product', () => {
    render(<PosterEntry productId="p 1" />);
    fireEvent.click(screen.getByText('分享海报'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/invite/poster/index?productId=p%201' });
  });
});
