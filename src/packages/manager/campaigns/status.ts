import type { CampaignStatus } from '@/services/push';

export const STATUS_LABELS: Record<CampaignStatus, string> = {
  draft: '草稿',
  scheduled: '待发送',
  sending: '发送中',
  sent: '已发送',
  cancelled: '已取消',
};

/** 11-22 10:00 in Shanghai time, whatever the phone's zone. */
export function shanghaiTime(iso: string | null): string {
  if (!iso) return '';
  const parts = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(new Date(iso));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('month')}-${get('day')} ${get('hour')}:${get('minute')}`;
}
