/** Manager: one campaign's report — who was targeted and reached, what was sent, visits, orders and GMV. */
import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh, useRouter } from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import { formatFen } from '@/domain/money';
import type { CampaignReport } from '@/domain/push/campaign-report';
import { UNREACHABLE_LABELS, UNREACHABLE_REASONS } from '@/domain/push/reachability';
import { SEND_FAILURE_LABELS, SEND_FAILURE_REASONS } from '@/domain/push/send-result';
import { pushService, type Campaign } from '@/services/push';
import { STATUS_LABELS, shanghaiTime } from '../campaigns/status';
import { ManagerGate } from '../manager-gate';
import './index.scss';

const percent = (part: number, whole: number) => (whole > 0 ? `${Math.round((part * 1000) / whole) / 10}%` : '—');

export default function CampaignReportPage() {
  const { params } = useRouter();
  const id = params.id ?? '';
  const [campaign, setCampaign] = useState<Campaign | null>(null);
  const [report, setReport] = useState<CampaignReport | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = async () => {
    const reply = await pushService.report(id);
    if (!reply.ok) return setError(reply.message);
    setError(null);
    setCampaign(reply.data.campaign);
    setReport(reply.data.report);
  };
  useDidShow(() => void load());
  usePullDownRefresh(() => void load().then(() => Taro.stopPullDownRefresh()));

  const cancel = async () => {
    const reply = await pushService.cancel(id);
    if (!reply.ok) return void Taro.showToast({ title: reply.message, icon: 'none' });
    void load();
  };

  const stat = (label: string, value: string | number, note?: string) => (
    <View className="report-stat">
      <Text className="report-stat__value">{value}</Text>
      <Text className="report-stat__label">{label}</Text>
      {note ? <Text className="report-stat__note">{note}</Text> : null}
    </View>
  );

  return (
    <ManagerGate>
      <View className="page campaign-report">
        {error ? <Text className="campaign-report__error">{error}</Text> : null}
        {campaign && report ? (
          <>
            <View className="report-head">
              <View className="report-head__row">
                <Text className="report-head__name">{campaign.name}</Text>
                <Text className="report-head__status">{STATUS_LABELS[campaign.status]}</Text>
              </View>
              <Text className="report-head__audience">{campaign.audienceText}</Text>
              <Text className="report-head__meta">
                {campaign.startedAt ? `${shanghaiTime(campaign.startedAt)} 开始发送` : campaign.scheduledAt ? `定于 ${shanghaiTime(campaign.scheduledAt)} 发送` : ''}
                {campaign.finishedAt ? ` · ${shanghaiTime(campaign.finishedAt)} 完成` : ''}
              </Text>
            </View>

            <Text className="campaign-report__section">触达</Text>
            <View className="report-grid">
              {stat('目标人数', report.targeted)}
              {stat('可触达', report.reachable, percent(report.reachable, report.targeted))}
              {stat('已发送', report.sent, percent(report.sent, report.targeted))}
              {stat('发送失败', report.failed)}
              {stat('不可触达', report.unreachable)}
              {stat('待发送', report.pending)}
            </View>
            {report.unreachable > 0 ? (
              <View className="report-reasons">
                {UNREACHABLE_REASONS.filter((r) => report.unreachableByReason[r] > 0).map((r) => (
                  <View key={r} className="report-reasons__row">
                    <Text>{UNREACHABLE_LABELS[r]}</Text>
                    <Text>{report.unreachableByReason[r]}</Text>
                  </View>
                ))}
                {SEND_FAILURE_REASONS.filter((r) => report.failedByReason[r] > 0).map((r) => (
                  <View key={r} className="report-reasons__row">
                    <Text>发送失败：{SEND_FAILURE_LABELS[r]}</Text>
                    <Text>{report.failedByReason[r]}</Text>
                  </View>
                ))}
              </View>
            ) : null}

            <Text className="campaign-report__section">转化（发送后7天内）</Text>
            <View className="report-grid">
              {stat('落地页访问', report.landingVisits)}
              {stat('访问人数', report.landingVisitors, percent(report.landingVisitors, report.sent))}
              {stat('成交订单', report.orders)}
              {stat('成交人数', report.buyers)}
              {stat('成交金额', formatFen(report.gmv, { trimZeros: true }))}
            </View>

            {campaign.status === 'scheduled' || campaign.status === 'sending' ? (
              <Button fill="outline" block onClick={() => void cancel()}>
                {campaign.status === 'sending' ? '停止发送' : '取消定时发送'}
              </Button>
            ) : null}
          </>
        ) : null}
      </View>
    </ManagerGate>
  );
}
