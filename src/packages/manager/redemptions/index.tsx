/** Manager: store coupon redemptions and verified pickups per store over the last 7 / 30 / 90 days. */
import { useEffect, useState } from 'react';
import { Text, View } from '@tarojs/components';
import { addDays, dayKey } from '@/domain/business-day';
import { couponsService, type StoreRedemptionRow } from '@/services/coupons';
import { ManagerGate } from '../manager-gate';
import './index.scss';

const RANGES = [7, 30, 90];

export default function RedemptionsByStorePage() {
  const [days, setDays] = useState(30);
  const [rows, setRows] = useState<StoreRedemptionRow[] | null>(null);
  const [totals, setTotals] = useState({ redemptions: 0, cashbackPoints: 0, pickups: 0 });
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const to = dayKey(new Date());
    setRows(null);
    void couponsService.redemptionsByStore(addDays(to, -(days - 1)), to).then((reply) => {
      if (!reply.ok) return setError(reply.message);
      setError(null);
      setRows(reply.data.rows);
      setTotals(reply.data.totals);
    });
  }, [days]);

  return (
    <ManagerGate>
      <View className="page redemptions">
        <View className="redemptions__ranges">
          {RANGES.map((d) => (
            <Text key={d} className={`redemptions__range ${d === days ? 'redemptions__range--on' : ''}`} onClick={() => setDays(d)}>
              近{d}天
            </Text>
          ))}
        </View>
        <View className="redemptions__totals">
          <Text>核销 {totals.redemptions} 张</Text>
          <Text>返积分 {totals.cashbackPoints}</Text>
          <Text>自提 {totals.pickups} 单</Text>
        </View>
        {error ? <Text className="redemptions__error">{error}</Text> : null}
        {rows === null && !error ? <Text className="redemptions__error">正在统计…</Text> : null}
        {rows?.map((r) => (
          <View key={r.storeId} className="redemptions__row">
            <View className="redemptions__store">
              <Text className="redemptions__name">{r.storeName}</Text>
              <Text className="redemptions__city">{r.city}</Text>
            </View>
            <Text className="redemptions__num">{r.redemptions}张</Text>
            <Text className="redemptions__num">{r.cashbackPoints}分</Text>
            <Text className="redemptions__num">{r.pickups}单</Text>
          </View>
        ))}
      </View>
    </ManagerGate>
  );
}
