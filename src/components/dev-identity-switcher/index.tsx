import { useEffect, useState } from 'react';
import { Text, View } from '@tarojs/components';
import { getDevOpenid, listDevIdentities, setDevOpenid, type DevIdentity } from '@/services/dev-identity';
import './index.scss';

export interface DevIdentitySwitcherProps {
  /** Called after the identity changed, to sign in again as the new person. */
  onSwitched(openid: string): void;
}

const ROLE_NAMES: Record<DevIdentity['role'], string> = { consumer: '顾客', staff: '店员', manager: '运营' };

/**
 * H5 only: in WeChat the user is whoever is holding the phone; in the local demo a developer
 * plays the shopper, a clerk of a store or the community manager in turn.
 */
export function DevIdentitySwitcher({ onSwitched }: DevIdentitySwitcherProps) {
  const [identities, setIdentities] = useState<DevIdentity[]>([]);
  const [current, setCurrent] = useState(getDevOpenid());

  useEffect(() => {
    let live = true;
    void listDevIdentities().then((list) => live && setIdentities(list));
    return () => {
      live = false;
    };
  }, []);

  if (identities.length === 0) return null;

  const choose = (openid: string) => {
    if (openid === current) return;
    setDevOpenid(openid);
    setCurrent(openid);
    onSwitched(openid);
  };

  return (
    <View className="dev-identity">
      <View className="dev-identity__head">
        <Text className="dev-identity__title">本地演示 · 切换身份</Text>
        <Text className="dev-identity__hint">仅本地环境可见</Text>
      </View>
      <View className="dev-identity__list">
        {identities.map((identity) => (
          <View
            key={identity.openid}
            className={`dev-identity__item${identity.openid === current ? ' dev-identity__item--current' : ''}`}
            onClick={() => choose(identity.openid)}
          >
            <Text className="dev-identity__role">{ROLE_NAMES[identity.role]}</Text>
            <Text className="dev-identity__label">{identity.label.replace(/^(顾客|店员|运营)\s*/, '')}</Text>
          </View>
        ))}
      </View>
    </View>
  );
}
