import { fireEvent, render, screen } from '@testing-library/react';
import { ProductShelf, type ShelfProduct } from './index';

const linen: ShelfProduct = { id: 'p1', title: '亚麻宽松衬衫', imageUrl: 'https://img.example/p1.jpg', priceFen: 29900, listPriceFen: 39900, badge: '新品' };
const tee: ShelfProduct = { id: 'p2', title: '有机棉短袖T恤', imageUrl: 'https://img.example/p2.jpg', priceFen: 8990 };

describe('ProductShelf', () => {
  it('shows each product with its price, and the list price only when it is higher', () => {
    const { container } = render(<ProductShelf products={[linen, tee]} onOpen={jest.fn()} emptyTitle="新品即将上架" />);
    expect(screen.getByText('亚麻宽松衬衫')).toBeTruthy();
    expect(screen.getByText('新品')).toBeTruthy();
    const prices = Array.from(container.querySelectorAll('.price')).map((el) => el.textContent);
    expect(prices).toEqual(['¥299', '¥399', '¥89.90']);
  });

  it('opens the tapped product', () => {
    const onOpen = jest.fn();
    render(<ProductShelf products={[linen, tee]} onOpen={onOpen} emptyTitle="新品即将上架" />);
    fireEvent.click(screen.getByText('有机棉短袖T恤'));
    expect(onOpen).toHaveBeenCalledWith(tee);
  });

  it('explains an empty shelf instead of showing nothing', () => {
    render(<ProductShelf products={[]} onOpen={jest.fn()} emptyTitle="新品即将上架" emptyDescription="上新后会第一时间出现在这里" />);
    expect(screen.getByText('新品即将上架')).toBeTruthy();
    expect(screen.getByText('上新后会第一时间出现在这里')).toBeTruthy();
  });
});
