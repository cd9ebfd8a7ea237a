import { Text, View } from '@tarojs/components';
import { priceParts } from './price-parts';
import type { PriceProps } from './types';
import './index.scss';

export type { PriceProps };

/**
 * A price in the brand's style: small ¥, large yuan, small decimals. This is the H5 rendering; the
 * weapp build uses the native `weave-price` component instead (index.weapp.tsx, src/native/price),
 * which draws the same markup with the same class names.
 */
export function Price({ fen, strike = false, size = 'md', className = '' }: PriceProps) {
  const { sign, yuan, decimals } = priceParts(fen);
  return (
    <View className={`price price--${size}${strike ? ' price--strike' : ''} ${className}`.trim()}>
      <Text className="price__symbol">{sign}¥</Text>
      <Text className="price__yuan">{yuan}</Text>
      {decimals ? <Text className="price__decimals">.{decimals}</Text> : null}
    </View>
  );
}

export default Price;
