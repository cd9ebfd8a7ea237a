import { Text, View } from '@tarojs/components';
import { formatYuan } from './format';
import './index.scss';

export interface TierCardProps {
  tierId: string;
  tierName: string;
  points: number;
  nickName?: string;
  progress: { nextName: string | null; spendNeeded: number; ordersNeeded: number; percent: number };
  onPoints?: () => void;
}

/** What is still missing for the next tier, in the member's words: 「距金卡还差 ¥120 / 1 单」. */
export function progressText(p: TierCardProps['progress']): string {
  if (!p.nextName) return '已是最高等级，尊享全部权益';
  if (p.spendNeeded === 0 && p.ordersNeeded === 0) return `已满足${p.nextName}条件，订单完成后即升级`;
  const parts: string[] = [];
  if (p.spendNeeded > 0) parts.push(`¥${formatYuan(p.spendNeeded)}`);
  if (p.ordersNeeded > 0) parts.push(`${p.ordersNeeded} 单`);
  return `距${p.nextName}还差 ${parts.join(' / ')}`;
}

/** The membership card: the tier's own colours, the balance, and the bar to the next tier. */
export function TierCard({ tierId, tierName, points, nickName, progress, onPoints }: TierCardProps) {
  return (
    <View className={`tier-card tier-card--${tierId}`}>
      <View className="tier-card__head">
        <View className="tier-card__brand">
          <Text className="tier-card__eyebrow">WEAVE MEMBER</Text>
          <Text className="tier-card__tier">{tierName}会员</Text>
          {nickName ? <Text className="tier-card__name">{nickName}</Text> : null}
        </View>
        <View className="tier-card__points" onClick={onPoints}>
          <Text className="tier-card__points-value">{points}</Text>
          <Text className="tier-card__points-label">积分 ›</Text>
        </View>
      </View>
      <View className="tier-card__progress">
        <View className="tier-card__bar">
          <View className="tier-card__bar-fill" style={{ width: `${Math.max(0, Math.min(100, progress.percent))}%` }} />
        </View>
        <Text className="tier-card__hint">{progressText(progress)}</Text>
      </View>
    </View>
  );
}
