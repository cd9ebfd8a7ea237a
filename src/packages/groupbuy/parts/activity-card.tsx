import { Image, Text, View } from '@tarojs/components';
import { Countdown } from '@/components/countdown';
import { Price } from '@/components/price';
import { imageUrl } from '@/services/media';
import type { ActivityCard } from '@/services/groupbuy';
import './activity-card.scss';

export interface ActivityCardViewProps {
  activity: ActivityCard;
  serverNow?: number;
  onOpen: (activityId: string) => void;
  onEnd?: () => void;
}

/** One activity in the group-buy list: picture, N人团, group price against the list price, its countdown and 去开团. */
export function ActivityCardView({ activity: a, serverNow, onOpen, onEnd }: ActivityCardViewProps) {
  const upcoming = a.status === 'upcoming';
  const ended = a.status === 'ended';
  return (
    <View className={`gb-card${ended ? ' gb-card--ended' : ''}`} onClick={() => onOpen(a.activityId)}>
      <View className="gb-card__picture">
        <Image className="gb-card__image" src={imageUrl(a.image)} mode="aspectFill" lazyLoad />
        <Text className="gb-card__size">{`${a.size}人团`}</Text>
      </View>
      <View className="gb-card__body">
        <Text className="gb-card__title">{a.title}</Text>
        <Text className="gb-card__groups">{a.openGroups > 0 ? `${a.openGroups}个团正在拼` : '快来当团长'}</Text>
        {ended ? (
          <Text className="gb-card__ended">活动已结束</Text>
        ) : (
          <Countdown to={upcoming ? a.startAt : a.endAt} serverNow={serverNow} label={upcoming ? '距开始' : '距结束'} endedText={upcoming ? '已开始' : '已结束'} onEnd={onEnd} />
        )}
        <View className="gb-card__foot">
          <View className="gb-card__prices">
            <Text className="gb-card__label">拼团价</Text>
            <Price fen={a.groupPrice} />
            <Price className="gb-card__was" fen={a.listPrice} strike />
          </View>
          <Text className="gb-card__go">{ended ? '已结束' : upcoming ? '即将开始' : '去开团'}</Text>
        </View>
      </View>
    </View>
  );
}
