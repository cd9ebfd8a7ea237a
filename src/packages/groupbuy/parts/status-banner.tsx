import { Text, View } from '@tarojs/components';
import { Countdown } from '@/components/countdown';
import { GROUP_STATUS_TEXT, type GroupStatus } from '@/services/groupbuy';
import { placesText } from './seats';
import './status-banner.scss';

export interface GroupBannerProps {
  status: GroupStatus;
  placesLeft: number;
  payingCount: number;
  deadline: number;
  /** the server's clock when the group was read */
  serverNow?: number;
  /** the deadline passed on this screen: the page asks the server what became of the group */
  onEnd?: () => void;
}

const NOTE: Record<GroupStatus, string> = {
  opening: '团长付款后，好友就可以参团了',
  forming: '人满即成团，到时未成团将自动退款',
  succeeded: '人已到齐，我们会尽快为每位团员发货',
  failed: '到时未凑齐人数，已支付的款项将原路退回',
};

/** What became of the group, in one band at the top of its page: 拼团中 / 拼团成功 / 拼团失败（已退款）. */
export function GroupBanner({ status, placesLeft, payingCount, deadline, serverNow, onEnd }: GroupBannerProps) {
  return (
    <View className={`gb-banner gb-banner--${status}`}>
      <Text className="gb-banner__status">{GROUP_STATUS_TEXT[status]}</Text>
      {status === 'forming' ? (
        <View className="gb-banner__row">
          <Text className="gb-banner__places">{placesText(placesLeft)}</Text>
          <Countdown to={deadline} serverNow={serverNow} label="剩余" tone="light" onEnd={onEnd} />
        </View>
      ) : null}
      <Text className="gb-banner__note">{NOTE[status]}</Text>
      {status === 'forming' && payingCount > 0 ? <Text className="gb-banner__paying">{`${payingCount}人正在支付`}</Text> : null}
    </View>
  );
}
