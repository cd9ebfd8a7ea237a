/**
 * The pieces of a 秒杀 / 拼团 card on the manager's list pages. `block` is the page's own card or
 * line class (sale-card, gbm-card...), so each page keeps the names its journeys look for.
 */
import { Image, Text, View } from '@tarojs/components';
import { Button, Progress, Tag } from '@nutui/nutui-react-taro';
import { zonedParts } from '@/domain/business-day';
import { formatFen, type Fen } from '@/domain/money';
import { imageUrl } from '@/services/media';
import { colors } from '@/theme/tokens';

export type CardStatus = 'upcoming' | 'active' | 'ended';

export const STATUS_TEXT: Record<CardStatus, string> = { upcoming: '未开始', active: '进行中', ended: '已结束' };

const pad = (n: number) => String(n).padStart(2, '0');
/** '12-06 20:00' in Shanghai time. */
function at(ms: number): string {
  const p = zonedParts(ms);
  return `${pad(p.month)}-${pad(p.day)} ${pad(p.hour)}:${pad(p.minute)}`;
}

const percent = (sold: number, stock: number) => (stock > 0 ? Math.min(100, Math.round((sold / stock) * 100)) : 0);

export interface CardTopProps {
  block: string;
  title: string;
  status: CardStatus;
  startAt: number;
  endAt: number;
  endedAt?: number | null;
}

/** Title, status tag and when it runs. */
export function CardTop({ block, title, status, startAt, endAt, endedAt }: CardTopProps) {
  return (
    <>
      <View className={`${block}__head`}>
        <Text className={`${block}__title`}>{title}</Text>
        <Tag className={`${block}__status ${block}__status--${status}`}>{STATUS_TEXT[status]}</Tag>
      </View>
      <Text className={`${block}__when`}>
        {at(startAt)} - {at(endAt)}
        {endedAt ? ' · 已提前结束' : ''}
      </Text>
    </>
  );
}

/** '已售 3 / 10 件' (or 已拼) over a progress bar. */
export function CardTotal({ block, verb, sold, stock }: { block: string; verb: string; sold: number; stock: number }) {
  return (
    <View className={`${block}__total`}>
      <Text className={`${block}__total-text`}>
        {verb} {sold} / {stock} 件
      </Text>
      <Progress percent={percent(sold, stock)} color={colors.accent} background={colors.sand} strokeWidth="6" />
    </View>
  );
}

export interface CardLineProps {
  block: string;
  image: string;
  title: string;
  spec: string;
  /** the element name of the activity's own price: sale, group */
  priceName: string;
  price: Fen;
  listPrice: Fen;
  sold: number;
  stock: number;
}

/** One SKU: picture, name and spec, its activity price over the list price, sold / stock. */
export function CardLine({ block, image, title, spec, priceName, price, listPrice, sold, stock }: CardLineProps) {
  return (
    <View className={block}>
      <Image className={`${block}__image`} src={imageUrl(image)} mode="aspectFill" />
      <View className={`${block}__name`}>
        <Text className={`${block}__title`}>{title}</Text>
        <Text className={`${block}__spec`}>{spec}</Text>
      </View>
      <View className={`${block}__price`}>
        <Text className={`${block}__${priceName}`}>{formatFen(price)}</Text>
        <Text className={`${block}__list`}>{formatFen(listPrice)}</Text>
      </View>
      <Text className={`${block}__sold`}>
        {sold}/{stock}
      </Text>
    </View>
  );
}

/** 结束, for an activity not yet over; the page asks for a confirm first. */
export function CardEnd({ block, loading, disabled, onEnd }: { block: string; loading: boolean; disabled: boolean; onEnd: () => void }) {
  return (
    <View className={`${block}__actions`}>
      <Button size="small" fill="outline" loading={loading} disabled={disabled} onClick={onEnd}>
        结束
      </Button>
    </View>
  );
}
