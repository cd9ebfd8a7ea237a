import { render } from '@testing-library/react';
import { Price } from './index';
import { priceParts } from './price-parts';

describe('Price', () => {
  it('shows integer fen as yuan with small decimals', () => {
    const { container } = render(<Price fen={12345} />);
    expect(container.textContent).toBe('¥123.45');
    expect(container.querySelector('.price__decimals')?.textContent).toBe('.45');
  });

  it('drops .00 for whole yuan', () => {
    const { container } = render(<Price fen={29900} />);
    expect(container.textContent).toBe('¥299');
    expect(container.querySelector('.price__decimals')).toBeNull();
  });

  it('keeps a trailing zero in the decimals', () => {
    expect(render(<Price fen={8990} />).container.textContent).toBe('¥89.90');
  });

  it('marks a list price as struck through', () => {
    const { container } = render(<Price fen={39900} strike />);
    expect(container.firstElementChild?.className).toContain('price--strike');
  });

  it('puts the minus sign before the currency symbol', () => {
    expect(render(<Price fen={-500} />).container.textContent).toBe('-¥5');
  });

  it('refuses a float, which would mean money went through floating point', () => {
    expect(() => priceParts(12.5)).toThrow(RangeError);
  });
});
