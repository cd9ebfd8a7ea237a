import { Image, Text, View } from '@tarojs/components';
import { Countdown } from '@/components/countdown';
import { imageUrl } from '@/services/media';
import { GROUP_STATUS_TEXT, type MyGroup } from '@/services/groupbuy';
import './my-group-card.scss';

export interface MyGroupCardProps {
  group: MyGroup;
  serverNow?: number;
  onOpen: (groupId: string) => void;
  onOrder: (orderId: string) => void;
  onEnd?: () => void;
}

/** One of my groups: what it is, where it stands (拼团中 with its countdown, 拼团成功, 拼团失败（已退款）), my role and a way to my order. */
export function MyGroupCard({ group: g, serverNow, onOpen, onOrder, onEnd }: MyGroupCardProps) {
  return (
    <View className="gb-mine-card" onClick={() => onOpen(g.groupId)}>
      <View className="gb-mine-card__head">
        <Text className="gb-mine-card__role">{g.role === 'leader' ? '我开的团' : '我参的团'}</Text>
        <Text className={`gb-mine-card__status gb-mine-card__status--${g.status}`}>{GROUP_STATUS_TEXT[g.status]}</Text>
      </View>
      <View className="gb-mine-card__body">
        <Image className="gb-mine-card__image" src={imageUrl(g.image)} mode="aspectFill" lazyLoad />
        <View className="gb-mine-card__text">
          <Text className="gb-mine-card__title">{g.title}</Text>
          <Text className="gb-mine-card__count">{`${g.size}人团 · 已有${g.paidCount}人`}</Text>
          {g.status === 'forming' ? <Countdown to={g.deadline} serverNow={serverNow} label="剩余" onEnd={onEnd} /> : null}
        </View>
      </View>
      <View className="gb-mine-card__foot">
        <Text
          className="gb-mine-card__link"
          onClick={(e) => {
            e.stopPropagation();
            onOrder(g.orderId);
          }}
        >
          查看订单
        </Text>
        <Text className="gb-mine-card__go">{g.status === 'forming' ? '邀请好友' : '查看详情'}</Text>
      </View>
    </View>
  );
}
