/**
 * Shows the workspace only to managers. It is a courtesy: every manager action is checked by the
 * server again, whatever this shows.
 */
import { useEffect, type ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Lock } from '@nutui/icons-react-taro';
import { EmptyState } from '@/components/empty-state';
import { tabs } from '@/packages/routes';
import { useSession } from '@/stores/session';

export function ManagerGate({ children }: { children: ReactNode }) {
  const { status, roles, login } = useSession();
  useEffect(() => {
    if (useSession.getState().status === 'idle') void login();
  }, [login]);
  if (status === 'idle' || status === 'loading') {
    return (
      <View className="page">
        <Text className="manager-gate__loading">正在确认身份…</Text>
      </View>
    );
  }
  if (!roles.includes('manager')) {
    return (
      <View className="page">
        <EmptyState icon={<Lock size={32} />} title="仅限运营人员使用" description="运营工作台需要运营权限，如需开通请联系品牌管理员" actionText="返回首页" onAction={() => void Taro.switchTab({ url: tabs.home })} />
      </View>
    );
  }
  return <>{children}</>;
}
