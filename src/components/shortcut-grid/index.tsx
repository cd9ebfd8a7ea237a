import type { ReactNode } from 'react';
import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Grid } from '@nutui/nutui-react-taro';
import './index.scss';

export interface Shortcut {
  key: string;
  text: string;
  icon: ReactNode;
  url: string;
  /** true for a tab page, which only `switchTab` can open */
  tab?: boolean;
}

export interface ShortcutGridProps {
  items: Shortcut[];
  columns?: number;
}

function open({ url, tab }: Shortcut) {
  if (tab) void Taro.switchTab({ url });
  else void Taro.navigateTo({ url });
}

/** A card of round icon shortcuts, each opening an area of the app. */
export function ShortcutGrid({ items, columns = 4 }: ShortcutGridProps) {
  return (
    <View className="shortcut-grid">
      <Grid columns={columns} gap={0}>
        {items.map((item) => (
          <Grid.Item
            key={item.key}
            text={item.text}
            onClick={() => open(item)}
          >
            <View className="shortcut-grid__icon">{item.icon}</View>
          </Grid.Item>
        ))}
      </Grid>
    </View>
  );
}

export default ShortcutGrid;
