import { useState } from 'react';
import { fireEvent, render, screen } from '@testing-library/react';
import type { SkuCell, SkuMatrix } from '@/services/catalog';
import { SkuPicker, initialSelection, type SkuPickerProps, type SkuSelection } from './index';

const cell = (colorKey: string, colorName: string, size: string, stock: number, price = 9900): SkuCell => ({
  skuId: `tee-${colorKey}-${size.toLowerCase()}`,
  colorKey,
  size,
  specText: `${colorName} / ${size}`,
  price,
  listPrice: 12900,
  stock,
  soldOut: stock === 0,
  image: `cloud://weave-local.local/products/tee/${colorKey}.png`,
});

// White: S not made, M 20, L 3. Haze: all sold out but M.
const matrix: SkuMatrix = {
  colors: [
    { key: 'white', name: '白色', hex: '#fff', image: 'cloud://weave-local.local/products/tee/white.png', soldOut: false },
    { key: 'haze', name: '雾霾蓝', hex: '#8ca2b8', image: 'cloud://weave-local.local/products/tee/haze.png', soldOut: false },
  ],
  sizes: [
    { size: 'S', soldOut: true },
    { size: 'M', soldOut: false },
    { size: 'L', soldOut: false },
  ],
  cells: [
    [null, cell('white', '白色', 'M', 20), cell('white', '白色', 'L', 3)],
    [cell('haze', '雾霾蓝', 'S', 0), cell('haze', '雾霾蓝', 'M', 7, 10900), cell('haze', '雾霾蓝', 'L', 0)],
  ],
  totalStock: 30,
};

function Harness(props: Partial<SkuPickerProps> & { start?: SkuSelection }) {
  const [selection, setSelection] = useState<SkuSelection>(props.start ?? initialSelection(matrix));
  const [quantity, setQuantity] = useState(1);
  return (
    <SkuPicker
      matrix={matrix}
      selection={selection}
      onSelect={setSelection}
      quantity={quantity}
      onQuantity={setQuantity}
      lowStockThreshold={5}
      fromPrice={9900}
      fallbackImage=""
      {...props}
    />
  );
}

const prices = (container: HTMLElement) => Array.from(container.querySelectorAll('.price')).map((el) => el.textContent);
const size = (label: string) => screen.getByLabelText(label);

describe('SkuPicker', () => {
  it('starts on the first colour, asks for a size and shows the lowest price', () => {
    const { container } = render(<Harness />);
    expect(screen.getByText('请选择尺码')).toBeTruthy();
    expect(screen.getByText('已选：白色，请选择尺码')).toBeTruthy();
    expect(prices(container)).toEqual(['¥99']);
    expect(screen.getByText('起')).toBeTruthy();
  });

  it('shows the stock and price of the chosen combination', () => {
    const { container } = render(<Harness />);
    fireEvent.click(size('M'));
    expect(screen.getByText('库存 20 件')).toBeTruthy();
    expect(screen.getByText('已选：白色 / M')).toBeTruthy();
    expect(prices(container)).toEqual(['¥99', '¥129']);

    fireEvent.click(size('L'));
    expect(screen.getByText('仅剩 3 件')).toBeTruthy();
  });

  it('does not let a sold-out or unmade size be chosen', () => {
    render(<Harness />);
    expect(size('S 无此规格').getAttribute('aria-disabled')).toBe('true');
    fireEvent.click(size('S 无此规格'));
    expect(screen.getByText('请选择尺码')).toBeTruthy();

    fireEvent.click(screen.getByText('雾霾蓝'));
    expect(size('S 缺货').getAttribute('aria-disabled')).toBe('true');
    expect(size('L 缺货').getAttribute('aria-disabled')).toBe('true');
    fireEvent.click(size('L 缺货'));
    expect(screen.getByText('已选：雾霾蓝，请选择尺码')).toBeTruthy();
    expect(size('M').getAttribute('aria-disabled')).toBe('false');
  });

  it('keeps the size when the new colour has it in stock, and prices the new SKU', () => {
    const { container } = render(<Harness />);
    fireEvent.click(size('M'));
    fireEvent.click(screen.getByText('雾霾蓝'));
    expect(screen.getByText('已选：雾霾蓝 / M')).toBeTruthy();
    expect(screen.getByText('库存 7 件')).toBeTruthy();
    expect(prices(container)[0]).toBe('¥109');
  });

  it('offers a restock alert on each sold-out size, and shows the ones already asked for', () => {
    const onRestock = jest.fn();
    render(<Harness onRestock={onRestock} subscribedSkuIds={['tee-haze-s']} start={{ colorKey: 'haze', size: null }} />);
    expect(screen.getByText('雾霾蓝 S、L 暂时缺货')).toBeTruthy();
    expect(screen.getByText('S 已订阅')).toBeTruthy();
    fireEvent.click(screen.getByText('L 到货提醒'));
    expect(onRestock).toHaveBeenCalledWith(expect.objectContaining({ skuId: 'tee-haze-l', specText: '雾霾蓝 / L' }));
  });

  it('bounds the quantity by the stock of the chosen SKU', () => {
    render(<Harness />);
    const plus = screen.getByLabelText('增加');
    expect(plus.getAttribute('aria-disabled')).toBe('true'); // no size yet: nothing to buy
    fireEvent.click(size('L'));
    fireEvent.click(plus);
    fireEvent.click(plus);
    fireEvent.click(plus);
    expect(screen.getByLabelText('数量').textContent).toBe('3');
    expect(plus.getAttribute('aria-disabled')).toBe('true');
    fireEvent.click(screen.getByLabelText('减少'));
    expect(screen.getByLabelText('数量').textContent).toBe('2');
  });

  it('brings the quantity down when a smaller stock is chosen', () => {
    render(<Harness />);
    fireEvent.click(size('M'));
    for (let i = 0; i < 5; i += 1) fireEvent.click(screen.getByLabelText('增加'));
    expect(screen.getByLabelText('数量').textContent).toBe('6');
    fireEvent.click(size('L'));
    expect(screen.getByLabelText('数量').textContent).toBe('3');
  });

  it('shows a sale price for SKUs in a promotion, with the normal price struck through', () => {
    const { container } = render(<Harness promo={{ 'tee-white-m': { price: 5900, label: '秒杀价' } }} />);
    fireEvent.click(size('M'));
    expect(screen.getByText('秒杀价')).toBeTruthy();
    expect(prices(container)).toEqual(['¥59', '¥99']);
  });

  it("shows a sale's own stock for its SKUs, not the SKU's", () => {
    render(<Harness promo={{ 'tee-white-m': { price: 5900, label: '秒杀价', stockLeft: 12 }, 'tee-white-l': { price: 5900, label: '秒杀价', stockLeft: 2 } }} />);
    fireEvent.click(size('M'));
    expect(screen.getByText('活动库存 12 件')).toBeTruthy();
    expect(screen.queryByText('库存 20 件')).toBeNull();
    fireEvent.click(size('L'));
    expect(screen.getByText('活动仅剩 2 件').className).toContain('sku-picker__stock--low');
  });
});
