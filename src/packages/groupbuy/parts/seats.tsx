import { Image, Text, View } from '@tarojs/components';
import { imageUrl } from '@/services/media';
import type { GroupMember } from '@/services/groupbuy';
import './seats.scss';

export interface GroupSeatsProps {
  /** paid members, leader first */
  members: GroupMember[];
  size: number;
}

/**
 * The group as N seats: a paid member's avatar in each taken seat, a dashed "?" in each empty
 * one. Only paid members sit down: someone still paying holds no place.
 */
export function GroupSeats({ members, size }: GroupSeatsProps) {
  const seats = Array.from({ length: Math.max(size, members.length) }, (_, i) => members[i] ?? null);
  return (
    <View className="gb-seats">
      {seats.map((m, i) =>
        m ? (
          <View key={`m${i}`} className="gb-seats__seat gb-seats__seat--taken">
            {m.avatar ? <Image className="gb-seats__avatar" src={imageUrl(m.avatar)} mode="aspectFill" /> : <Text className="gb-seats__initial">{(m.nickname || '友').slice(0, 1)}</Text>}
            {m.isLeader ? <Text className="gb-seats__leader">团长</Text> : null}
          </View>
        ) : (
          <View key={`e${i}`} className="gb-seats__seat gb-seats__seat--empty" aria-label="空位">
            <Text className="gb-seats__question">?</Text>
          </View>
        ),
      )}
    </View>
  );
}

/** '还差2人' while places are open, '已满员' once none are. */
export function placesText(placesLeft: number): string {
  return placesLeft > 0 ? `还差${placesLeft}人` : '已满员';
}
