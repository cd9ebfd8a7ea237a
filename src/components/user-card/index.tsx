import { Text, View } from '@tarojs/components';
import { Avatar, Button, Tag } from '@nutui/nutui-react-taro';
import { User } from '@nutui/icons-react-taro';
import { zonedParts } from '@/domain/business-day';
import { isTierId, tierById } from '@/domain/tiers';
import { imageUrl } from '@/services/media';
import type { Profile, SessionStatus } from '@/stores/session';
import { colors } from '@/theme/tokens';
import './index.scss';

export interface UserCardProps {
  status: SessionStatus;
  profile: Profile | null;
  /** shown when status is 'error' */
  errorMessage?: string;
  onLogin: () => void;
}

function tierLabel(tier: string): string {
  return isTierId(tier) ? `${tierById(tier).name}会员` : '会员';
}

/** First character of the nickname (a whole character, also for emoji), or 我 when there is none. */
function initial(nickName: string): string {
  return Array.from(nickName.trim())[0] ?? '我';
}

function memberSinceLabel(iso: string): string {
  const at = Date.parse(iso);
  if (Number.isNaN(at)) return '';
  const { year, month } = zonedParts(at);
  return `${year}年${month}月加入`;
}

/** The member's card at the top of "我的": who they are, their tier and points. */
export function UserCard({ status, profile, errorMessage, onLogin }: UserCardProps) {
  if (status === 'ready' && profile) {
    const since = memberSinceLabel(profile.memberSince);
    return (
      <View className="user-card">
        <View className="user-card__row">
          <Avatar className="user-card__avatar" src={imageUrl(profile.avatarUrl) || undefined} background={colors.sand} color={colors.ink}>
            {profile.avatarUrl ? null : initial(profile.nickName)}
          </Avatar>
          <View className="user-card__who">
            <Text className="user-card__name">{profile.nickName || '微信用户'}</Text>
            <View className="user-card__meta">
              <Tag className="user-card__tier">{tierLabel(profile.tier)}</Tag>
              {since ? <Text className="user-card__since">{since}</Text> : null}
            </View>
          </View>
        </View>
        <View className="user-card__stats">
          <View className="user-card__stat">
            <Text className="user-card__stat-value">{profile.points.toLocaleString('en-US')}</Text>
            <Text className="user-card__stat-label">积分</Text>
          </View>
        </View>
      </View>
    );
  }

  const failed = status === 'error';
  return (
    <View className="user-card user-card--guest">
      <View className="user-card__row">
        <Avatar className="user-card__avatar" icon={<User size={26} />} background={colors.sand} color={colors.stone} />
        <View className="user-card__who">
          <Text className="user-card__name">{failed ? '登录没有成功' : '正在登录…'}</Text>
          <Text className="user-card__hint">{failed ? errorMessage || '网络不太好，请稍后再试' : '登录后查看会员等级与积分'}</Text>
        </View>
        {failed ? (
          <Button className="user-card__retry" size="small" onClick={onLogin}>
            重新登录
          </Button>
        ) : null}
      </View>
    </View>
  );
}

export default UserCard;
