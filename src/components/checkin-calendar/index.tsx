import { Text, View } from '@tarojs/components';
import './index.scss';

export interface CheckinCalendarDay {
  day: string;
  date: number;
  inMonth: boolean;
  checked: boolean;
  isToday: boolean;
  isFuture: boolean;
}

export interface CheckinCalendarProps {
  year: number;
  month: number;
  weeks: CheckinCalendarDay[][];
  onPrev?: () => void;
  onNext?: () => void;
  /** The next month is in the future: nothing to show there yet. */
  canNext?: boolean;
}

const WEEKDAYS = ['一', '二', '三', '四', '五', '六', '日'];

/** The month grid, Monday first, checked-in days stamped, today ringed, future days quiet. */
export function CheckinCalendar({ year, month, weeks, onPrev, onNext, canNext = false }: CheckinCalendarProps) {
  return (
    <View className="checkin-calendar">
      <View className="checkin-calendar__head">
        <Text className="checkin-calendar__nav" onClick={onPrev}>
          ‹
        </Text>
        <Text className="checkin-calendar__title">
          {year}年{month}月
        </Text>
        <Text className={`checkin-calendar__nav ${canNext ? '' : 'checkin-calendar__nav--off'}`} onClick={canNext ? onNext : undefined}>
          ›
        </Text>
      </View>
      <View className="checkin-calendar__row">
        {WEEKDAYS.map((w) => (
          <Text key={w} className="checkin-calendar__weekday">
            {w}
          </Text>
        ))}
      </View>
      {weeks.map((week) => (
        <View key={week[0].day} className="checkin-calendar__row">
          {week.map((d) => {
            const cls = [
              'checkin-calendar__day',
              d.inMonth ? '' : 'checkin-calendar__day--out',
              d.checked ? 'checkin-calendar__day--checked' : '',
              d.isToday ? 'checkin-calendar__day--today' : '',
              d.isFuture ? 'checkin-calendar__day--future' : '',
            ]
              .filter(Boolean)
              .join(' ');
            return (
              <View key={d.day} className={cls} data-day={d.day} data-checked={d.checked ? 'yes' : 'no'}>
                <Text className="checkin-calendar__date">{d.checked ? '✓' : d.date}</Text>
              </View>
            );
          })}
        </View>
      ))}
    </View>
  );
}
