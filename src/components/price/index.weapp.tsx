import { View } from '@tarojs/components';
import type { PriceProps } from './types';
import './index.scss';

export type { PriceProps };

/**
 * Weapp: the native custom component (src/native/price) renders the price, so a long product list
 * does not pay for React nodes per digit. Pages that show prices declare it in their config:
 * `usingComponents: { 'weave-price': '../../native/price/index' }` (path relative to the page).
 * A class goes on a wrapper: a custom component's host element takes no `className` from React.
 */
export function Price({ fen, strike = false, size = 'md', className = '' }: PriceProps) {
  const price = <weave-price fen={fen} strike={strike} size={size} />;
  return className ? <View className={`price-host ${className}`}>{price}</View> : price;
}

export default Price;
