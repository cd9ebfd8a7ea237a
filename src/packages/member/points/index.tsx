import { useCallback, useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro, { useDidShow, useReachBottom } from '@tarojs/taro';
import { Find } from '@nutui/icons-react-taro';
import { EmptyState } from '@/components/empty-state';
import { membershipApi, type HistoryLine } from '@/services/membership';
import './index.scss';

function timeText(iso: string): string {
  // Shown in the phone's own zone (a Chinese phone: Beijing time); the server keeps UTC.
  const d = new Date(iso);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())} ${two(d.getHours())}:${two(d.getMinutes())}`;
}

export default function PointsHistoryPage() {
  const [lines, setLines] = useState<HistoryLine[]>([]);
  const [points, setPoints] = useState<number | null>(null);
  const [page, setPage] = useState(1);
  const [hasMore, setHasMore] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);

  const load = useCallback(async (next: number) => {
    setLoading(true);
    const reply = await membershipApi.pointsHistory(next);
    setLoading(false);
    if (!reply.ok) {
      setError(reply.message);
      return;
    }
    setError(null);
    setPoints(reply.data.points);
    setPage(next);
    setHasMore(reply.data.hasMore);
    setLines((old) => (next === 1 ? reply.data.lines : [...old, ...reply.data.lines]));
  }, []);

  useDidShow(
    useCallback(() => {
      void load(1);
    }, [load]),
  );
  useReachBottom(() => {
    if (hasMore && !loading) void load(page + 1);
  });

  return (
    <View className="page points">
      <View className="points__head">
        <Text className="points__eyebrow">我的积分</Text>
        <Text className="points__balance">{points ?? '—'}</Text>
        <View className="points__actions">
          <Text className="points__action" onClick={() => void Taro.navigateTo({ url: '/packages/member/mall/index' })}>
            积分兑换 ›
          </Text>
          <Text className="points__action" onClick={() => void Taro.navigateTo({ url: '/packages/member/checkin/index' })}>
            签到赚积分 ›
          </Text>
        </View>
      </View>
      {error ? <Text className="points__error">{error}</Text> : null}
      {lines.length === 0 && !loading && !error ? (
        <EmptyState icon={<Find size={26} />} title="还没有积分记录" description="签到、购物都可以获得积分" />
      ) : (
        <View className="points__list">
          {lines.map((l) => (
            <View key={l.id} className="points__line">
              <View className="points__line-main">
                <Text className="points__line-title">{l.title}</Text>
                <Text className="points__line-time">
                  {timeText(l.at)}
                  {l.note ? ` · ${l.note}` : ''}
                </Text>
              </View>
              <Text className={`points__line-amount ${l.delta > 0 ? 'points__line-amount--plus' : ''}`}>{l.amount}</Text>
            </View>
          ))}
          {hasMore ? <Text className="points__more">{loading ? '加载中…' : '上滑加载更多'}</Text> : null}
        </View>
      )}
    </View>
  );
}
