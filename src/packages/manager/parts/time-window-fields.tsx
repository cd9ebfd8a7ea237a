/** The 开始 / 结束 date and time pickers of an edit form, in Shanghai time, from today on. */
import { Picker, Text, View } from '@tarojs/components';
import { addDays, dayKey } from '@/domain/business-day';
import type { TimeWindow } from './form-helpers';

export interface TimeWindowFieldsProps {
  value: TimeWindow;
  /** how many days ahead the date pickers reach */
  daysAhead: number;
  onChange: (patch: Partial<TimeWindow>) => void;
}

const ROWS = [
  ['开始', 'startDate', 'startTime'],
  ['结束', 'endDate', 'endTime'],
] as const;

export function TimeWindowFields({ value, daysAhead, onChange }: TimeWindowFieldsProps) {
  const today = dayKey(new Date());
  const lastDay = addDays(today, daysAhead);
  return (
    <>
      {ROWS.map(([label, dateKey, timeKey]) => (
        <View key={label} className="when">
          <Text className="when__label">{label}</Text>
          <Picker mode="date" value={value[dateKey]} start={today} end={lastDay} onChange={(e) => onChange({ [dateKey]: e.detail.value })}>
            <Text className={`when__pick when__pick--${dateKey}`}>{value[dateKey]}</Text>
          </Picker>
          <Picker mode="time" value={value[timeKey]} onChange={(e) => onChange({ [timeKey]: e.detail.value })}>
            <Text className={`when__pick when__pick--${timeKey}`}>{value[timeKey]}</Text>
          </Picker>
        </View>
      ))}
    </>
  );
}
