import type { ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import { tabs } from '@/packages/routes';
import './index.scss';

export interface ComingSoonProps {
  /** the capability, e.g. '门店核销工作台'; the page reads "<name>即将上线" */
  name: string;
  /** one line on who it is for and why */
  summary: string;
  /** what it will let people do, one short line each */
  features: string[];
  icon: ReactNode;
}

/**
 * The honest placeholder of an area that ships in a later release: says what is coming and
 * offers the way back, instead of a blank page or made-up content.
 */
export function ComingSoon({ name, summary, features, icon }: ComingSoonProps) {
  return (
    <View className="coming-soon">
      <View className="coming-soon__hero">
        <View className="coming-soon__icon">{icon}</View>
        <Text className="coming-soon__badge">即将上线</Text>
        <Text className="coming-soon__title">{name}即将上线</Text>
        <Text className="coming-soon__summary">{summary}</Text>
      </View>
      <View className="coming-soon__card">
        <Text className="coming-soon__caption">上线后你可以</Text>
        {features.map((feature) => (
          <View key={feature} className="coming-soon__feature">
            <View className="coming-soon__dot" />
            <Text>{feature}</Text>
          </View>
        ))}
      </View>
      <Button className="coming-soon__back" type="primary" block onClick={() => void Taro.switchTab({ url: tabs.home })}>
        返回首页
      </Button>
    </View>
  );
}

export default ComingSoon;
