import { useEffect, useState } from 'react';
import { Text, View } from '@tarojs/components';
import { countdown } from '@/domain/groupbuy/countdown';
import './index.scss';

export interface CountdownProps {
  /** epoch ms the clock runs to */
  to: number;
  /** the server's clock when the data was read: the phone's own clock may be off by minutes */
  serverNow?: number;
  label?: string;
  endedText?: string;
  /** 'light' on a dark or accent background */
  tone?: 'dark' | 'light';
  onEnd?: () => void;
}

const two = (n: number) => String(n).padStart(2, '0');

/** 距结束 02:15:09 as three small blocks, ticking once a second. */
export function Countdown({ to, serverNow, label, endedText = '已结束', tone = 'dark', onEnd }: CountdownProps) {
  // Fixed when the data arrives: later ticks add the phone's elapsed time to the server's clock.
  const [skew] = useState(() => (serverNow === undefined ? 0 : serverNow - Date.now()));
  const [now, setNow] = useState(() => Date.now() + skew);
  const left = countdown(to, now);

  useEffect(() => {
    if (left.ended) {
      onEnd?.();
      return undefined;
    }
    const timer = setTimeout(() => setNow(Date.now() + skew), 1000 - (now % 1000) || 1000);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [now, left.ended]);

  if (left.ended) return <Text className={`countdown countdown--${tone} countdown--ended`}>{endedText}</Text>;
  const hours = left.days * 24 + left.hours;
  return (
    <View className={`countdown countdown--${tone}`}>
      {label ? <Text className="countdown__label">{label}</Text> : null}
      <Text className="countdown__block">{two(hours)}</Text>
      <Text className="countdown__sep">:</Text>
      <Text className="countdown__block">{two(left.minutes)}</Text>
      <Text className="countdown__sep">:</Text>
      <Text className="countdown__block">{two(left.seconds)}</Text>
    </View>
  );
}

export default Countdown;
