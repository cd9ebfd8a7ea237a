import { Text, View } from '@tarojs/components';
import type { SizeGuide as SizeGuideData } from '@/services/catalog';
import './index.scss';

export interface SizeGuideProps {
  guide: SizeGuideData;
  /** the size the shopper has chosen, highlighted in the table */
  highlight?: string | null;
}

/** The measurements table of a category (or of one product), in centimetres. */
export function SizeGuide({ guide, highlight }: SizeGuideProps) {
  return (
    <View className="size-guide">
      <View className="size-guide__table" role="table">
        <View className="size-guide__row size-guide__row--head" role="row">
          {guide.columns.map((c) => (
            <View key={c} className="size-guide__cell" role="columnheader">
              {c}
            </View>
          ))}
        </View>
        {guide.rows.map((row) => (
          <View key={row[0]} className={`size-guide__row${row[0] === highlight ? ' size-guide__row--active' : ''}`} role="row">
            {row.map((value, i) => (
              <View key={`${row[0]}-${i}`} className="size-guide__cell" role="cell">
                {value}
              </View>
            ))}
          </View>
        ))}
      </View>
      <Text className="size-guide__unit">{`单位：${guide.unit}`}</Text>
      {guide.tips ? <Text className="size-guide__tips">{guide.tips}</Text> : null}
    </View>
  );
}

export default SizeGuide;
