import { Image, Text, View } from '@tarojs/components';
import { Countdown } from '@/components/countdown';
import { imageUrl } from '@/services/media';
import type { GroupCard } from '@/services/groupbuy';
import { placesText } from './seats';
import './open-group-row.scss';

export interface OpenGroupRowProps {
  group: GroupCard;
  serverNow?: number;
  onJoin: (groupId: string) => void;
  /** the group's deadline passed while on screen */
  onEnd?: () => void;
}

/** One forming group to join: the leader, how many places are left, its countdown and 去参团. */
export function OpenGroupRow({ group, serverNow, onJoin, onEnd }: OpenGroupRowProps) {
  const name = group.leader.nickname || '拼团好友';
  return (
    <View className="gb-open" onClick={() => onJoin(group.groupId)}>
      <View className="gb-open__avatar">
        {group.leader.avatar ? <Image className="gb-open__avatar-image" src={imageUrl(group.leader.avatar)} mode="aspectFill" /> : <Text>{name.slice(0, 1)}</Text>}
      </View>
      <Text className="gb-open__name">{name}</Text>
      <View className="gb-open__meta">
        <Text className="gb-open__places">{placesText(group.placesLeft)}</Text>
        <Countdown to={group.deadline} serverNow={serverNow} label="剩余" endedText="已结束" onEnd={onEnd} />
      </View>
      <Text className="gb-open__go">去参团</Text>
    </View>
  );
}
