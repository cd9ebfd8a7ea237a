import { fireEvent, render, screen } from '@testing-library/react';
import { SectionHeader } from './index';

describe('SectionHeader', () => {
  it('shows the title and its caption', () => {
    render(<SectionHeader eyebrow="NEW IN" title="新品上架" />);
    expect(screen.getByText('新品上架')).toBeTruthy();
    expect(screen.getByText('NEW IN')).toBeTruthy();
  });

  it('offers "查看全部" only when there is somewhere to go', () => {
    const onMore = jest.fn();
    const { rerender } = render(<SectionHeader title="新品上架" />);
    expect(screen.queryByText(/查看全部/)).toBeNull();
    rerender(<SectionHeader title="新品上架" onMore={onMore} />);
    fireEvent.click(screen.getByText(/查看全部/));
    expect(onMore).toHaveBeenCalledTimes(1);
  });
});
