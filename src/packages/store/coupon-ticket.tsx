/** A coupon drawn as a ticket: the value on the left, the terms in the middle, an action on the right. */
import type { ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import type { CouponFace } from '@/services/coupons';
import './coupon-ticket.scss';

export interface CouponTicketProps {
  face: CouponFace;
  title: string;
  lines: string[];
  /** Greyed out with a stamp (已核销, 已过期). */
  stamp?: string;
  action?: ReactNode;
  onClick?: () => void;
}

export function CouponTicket({ face, title, lines, stamp, action, onClick }: CouponTicketProps) {
  return (
    <View className={`coupon-ticket ${stamp ? 'coupon-ticket--spent' : ''}`} onClick={onClick}>
      <View className="coupon-ticket__value">
        <View className="coupon-ticket__amount">
          {face.faceUnit === '元' ? <Text className="coupon-ticket__unit">¥</Text> : null}
          <Text className="coupon-ticket__number">{face.faceValue}</Text>
          {face.faceUnit === '折' ? <Text className="coupon-ticket__unit">折</Text> : null}
        </View>
        <Text className="coupon-ticket__rule">{face.ruleText}</Text>
      </View>
      <View className="coupon-ticket__body">
        <Text className="coupon-ticket__title">{title}</Text>
        {lines.map((l) => (
          <Text key={l} className="coupon-ticket__line">
            {l}
          </Text>
        ))}
      </View>
      {action ? <View className="coupon-ticket__action">{action}</View> : null}
      {stamp ? <Text className="coupon-ticket__stamp">{stamp}</Text> : null}
    </View>
  );
}

/** '11月30日' in Shanghai time, whatever the device's zone. */
export function shortDate(iso: string): string {
  const parts = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', month: 'numeric', day: 'numeric' }).formatToParts(new Date(iso));
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
  return `${get('month')}月${get('day')}日`;
}

/** '14:05' in Shanghai time. */
export function clockTime(iso: string): string {
  return new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(iso));
}
