import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Category } from '@nutui/icons-react-taro';
import { EmptyState } from '@/components/empty-state';
import { tabs } from '@/packages/routes';
import './index.scss';

export default function CategoryPage() {
  return (
    <View className="page category">
      <View className="category__head">
        <Text className="category__eyebrow">SHOP BY</Text>
        <Text className="category__title">分类</Text>
      </View>
      <View className="category__card">
        <EmptyState
          icon={<Category size={32} />}
          title="商品分类即将上线"
          description="按品类、风格标签与价格带浏览和搜索，支持按销量、上新与价格排序"
          actionText="回首页看看"
          onAction={() => void Taro.switchTab({ url: tabs.home })}
        />
      </View>
    </View>
  );
}
