import { Text, View } from '@tarojs/components';
import './index.scss';

export interface StatusStep {
  statusText: string;
  /** already formatted, e.g. '2026-11-22 08:05' */
  time: string;
  note?: string;
}

export interface StatusStepsProps {
  /** oldest first, as the server keeps them; shown newest on top */
  steps: StatusStep[];
}

/** An order's history as a vertical timeline, the latest step highlighted. */
export function StatusSteps({ steps }: StatusStepsProps) {
  const newestFirst = [...steps].reverse();
  return (
    <View className="status-steps">
      {newestFirst.map((s, i) => (
        <View key={`${s.statusText}-${s.time}-${i}`} className={`status-steps__item${i === 0 ? ' status-steps__item--current' : ''}`}>
          <View className="status-steps__rail">
            <View className="status-steps__dot" />
            {i < newestFirst.length - 1 ? <View className="status-steps__line" /> : null}
          </View>
          <View className="status-steps__body">
            <Text className="status-steps__title">{s.statusText}</Text>
            {s.note ? <Text className="status-steps__note">{s.note}</Text> : null}
            <Text className="status-steps__time">{s.time}</Text>
          </View>
        </View>
      ))}
    </View>
  );
}

export default StatusSteps;
