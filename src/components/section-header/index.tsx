import { Text, View } from '@tarojs/components';
import './index.scss';

export interface SectionHeaderProps {
  title: string;
  /** small spaced caption above the title, e.g. 'NEW IN' */
  eyebrow?: string;
  moreText?: string;
  onMore?: () => void;
}

export function SectionHeader({ title, eyebrow, moreText = '查看全部', onMore }: SectionHeaderProps) {
  return (
    <View className="section-header">
      <View className="section-header__titles">
        {eyebrow ? <Text className="section-header__eyebrow">{eyebrow}</Text> : null}
        <Text className="section-header__title">{title}</Text>
      </View>
      {onMore ? (
        <Text className="section-header__more" onClick={onMore}>
          {moreText} ›
        </Text>
      ) : null}
    </View>
  );
}

export default SectionHeader;
