import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Share } from '@nutui/icons-react-taro';
import { posterUrl } from '@/packages/invite/routes';
import './index.scss';

export interface PosterEntryProps {
  /** The product the poster shows; without one the poster is for the store's home. */
  productId?: string;
  className?: string;
}

/** 分享海报: a pill that opens the poster page for this product (the sharer's own code on it). */
export function PosterEntry({ productId, className }: PosterEntryProps) {
  return (
    <View className={`poster-entry${className ? ` ${className}` : ''}`} onClick={() => void Taro.navigateTo({ url: posterUrl(productId) })}>
      <Share size={14} />
      <Text className="poster-entry__text">分享海报</Text>
    </View>
  );
}
