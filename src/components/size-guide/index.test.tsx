import { render, screen } from '@testing-library/react';
import { SizeGuide } from './index';

const guide = { unit: 'cm' as const, columns: ['尺码', '胸围', '衣长'], rows: [['S', '92', '62'], ['M', '96', '64']], tips: '平铺测量，可能有1-2cm误差' };

describe('SizeGuide', () => {
  it('shows every measurement under its column, with the unit and the tips', () => {
    render(<SizeGuide guide={guide} />);
    expect(screen.getAllByRole('columnheader').map((c) => c.textContent)).toEqual(['尺码', '胸围', '衣长']);
    const rows = screen.getAllByRole('row').slice(1).map((r) => Array.from(r.querySelectorAll('[role=cell]')).map((c) => c.textContent));
    expect(rows).toEqual([['S', '92', '62'], ['M', '96', '64']]);
    expect(screen.getByText('单位：cm')).toBeTruthy();
    expect(screen.getByText('平铺测量，可能有1-2cm误差')).toBeTruthy();
  });

  it('highlights the chosen size', () => {
    render(<SizeGuide guide={guide} highlight="M" />);
    const rows = screen.getAllByRole('row');
    expect(rows[2].className).toContain('size-guide__row--active');
    expect(rows[1].className).not.toContain('size-guide__row--active');
  });
});
