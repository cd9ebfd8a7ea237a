import { render, screen } from '@testing-library/react';
import { PriceBreakdown } from './index';

describe('PriceBreakdown', () => {
  test('shows every line as the server sent it, discounts negative, 应付金额 last', () => {
    render(
      <PriceBreakdown
        lines={[
          { key: 'items', label: '商品金额', amount: 65600 },
          { key: 'tier', label: '金卡 9.5折', amount: -2785 },
          { key: 'ladder', label: '满399减50', amount: -5000 },
          { key: 'shipping', label: '运费', amount: 0 },
          { key: 'payable', label: '应付金额', amount: 57815 },
        ]}
        note="确认收货后可得 867 积分"
      />,
    );
    expect(screen.getByText('金卡 9.5折')).toBeTruthy();
    expect(screen.getByText('-¥27.85')).toBeTruthy();
    expect(screen.getByText('-¥50.00')).toBeTruthy();
    expect(screen.getByText('¥578.15')).toBeTruthy();
    const labels = Array.from(document.querySelectorAll('.price-breakdown__label')).map((n) => n.textContent);
    expect(labels).toEqual(['商品金额', '金卡 9.5折', '满399减50', '运费', '应付金额']);
    expect(screen.getByText('确认收货后可得 867 积分')).toBeTruthy();
  });
});
