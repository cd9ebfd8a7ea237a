import { useCallback } from 'react';
import { Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import { CheckinCalendar } from '@/components/checkin-calendar';
import { trackCheckin } from '@/services/analytics';
import { askSubscription } from '@/services/membership';
import { useMembership } from '@/stores/membership';
import './index.scss';

function shiftMonth(year: number, month: number, by: number): { year: number; month: number } {
  const index = year * 12 + (month - 1) + by;
  return { year: Math.floor(index / 12), month: (index % 12) + 1 };
}

export default function CheckinPage() {
  const { calendar, lastCheckin, checkingIn, error, loadCalendar, checkIn } = useMembership();

  useDidShow(
    useCallback(() => {
      void loadCalendar();
    }, [loadCalendar]),
  );

  const onCheckin = async () => {
    const reply = await checkIn();
    if (!reply.ok) {
      void Taro.showToast({ title: reply.message, icon: 'none' });
      return;
    }
    trackCheckin();
    const { points, bonusPoints, subscribeTemplateIds } = reply.data;
    void Taro.showToast({ title: bonusPoints > 0 ? `签到成功 +${points}（含连签奖励${bonusPoints}）` : `签到成功 +${points}积分`, icon: 'none' });
    if (subscribeTemplateIds.length > 0) {
      const { confirm } = await Taro.showModal({ title: '签到提醒', content: '订阅会员消息，等级变化和权益到账时提醒你', confirmText: '订阅', cancelText: '暂不' });
      if (confirm) {
        const accepted = await askSubscription(subscribeTemplateIds);
        void Taro.showToast({ title: accepted ? '已订阅提醒' : '未开启提醒', icon: 'none' });
      }
    }
  };

  if (!calendar) {
    return <View className="page checkin checkin--loading">{error ? error.message : '加载中…'}</View>;
  }
  const { status, upcoming } = calendar;
  const basePoints = Math.min(...upcoming.map((u) => u.points));
  const todayYm = { year: Number(calendar.today.slice(0, 4)), month: Number(calendar.today.slice(5, 7)) };
  const canNext = calendar.year * 12 + calendar.month < todayYm.year * 12 + todayYm.month;
  const go = (by: number) => () => {
    const m = shiftMonth(calendar.year, calendar.month, by);
    void loadCalendar(m.year, m.month);
  };

  return (
    <View className="page checkin">
      <View className="checkin__hero">
        <Text className="checkin__eyebrow">DAILY CHECK-IN</Text>
        <View className="checkin__streak">
          <Text className="checkin__streak-label">已连续签到</Text>
          <Text className="checkin__streak-value">{status.streak}</Text>
          <Text className="checkin__streak-label">天</Text>
        </View>
        <Text className="checkin__balance">当前积分 {calendar.points}</Text>
        <Button
          className="checkin__button"
          type="primary"
          disabled={status.checkedInToday}
          loading={checkingIn}
          onClick={() => void onCheckin()}
        >
          {status.checkedInToday ? '今日已签到' : `立即签到 +${status.nextPoints}`}
        </Button>
        {lastCheckin && status.checkedInToday ? (
          <Text className="checkin__result">
            今日获得 {lastCheckin.points} 积分{lastCheckin.nextBonus ? `，再签${lastCheckin.nextBonus.inDays}天额外得${lastCheckin.nextBonus.points}积分` : ''}
          </Text>
        ) : null}
      </View>

      <View className="checkin__strip">
        {upcoming.map((u, i) => (
          <View key={u.day} className={`checkin__strip-day ${u.points > basePoints ? 'checkin__strip-day--bonus' : ''}`}>
            <Text className="checkin__strip-points">+{u.points}</Text>
            <Text className="checkin__strip-label">{i === 0 ? (status.checkedInToday ? '明天' : '今天') : `第${u.streak}天`}</Text>
          </View>
        ))}
      </View>

      <CheckinCalendar year={calendar.year} month={calendar.month} weeks={calendar.weeks} onPrev={go(-1)} onNext={go(1)} canNext={canNext} />
      <Text className="checkin__rules">每天签到得5积分，连续第3天额外+5、第7天额外+20，每7天一轮；断签后从第1天重新计算。</Text>
    </View>
  );
}
