import { fireEvent, render, screen } from '@testing-library/react';
import { EmptyState } from './index';

describe('EmptyState', () => {
  it('says what is missing and what will come', () => {
    render(<EmptyState icon={<i />} title="购物车还是空的" description="挑好的衣服会保存在这里" />);
    expect(screen.getByText('购物车还是空的')).toBeTruthy();
    expect(screen.getByText('挑好的衣服会保存在这里')).toBeTruthy();
  });

  it('shows the action button only with something to do, and runs it on tap', () => {
    const onAction = jest.fn();
    const { rerender } = render(<EmptyState icon={<i />} title="空" actionText="去逛逛" />);
    expect(screen.queryByText('去逛逛')).toBeNull();
    rerender(<EmptyState icon={<i />} title="空" actionText="去逛逛" onAction={onAction} />);
    fireEvent.click(screen.getByText('去逛逛'));
    expect(onAction).toHaveBeenCalledTimes(1);
  });
});
