/** One SKU of a sale being created: 秒杀价 (yuan), 秒杀库存, 每人限购, with the hints for each. */
import { formatFen } from '@/domain/money';
import { DraftField, DraftRow } from '../parts/draft-row';
import { discountText, itemHints, salePriceFen, type ItemDraft } from './sale-form';

export interface ItemRowProps {
  item: ItemDraft;
  onChange: (patch: Partial<ItemDraft>) => void;
  onRemove: () => void;
}

const BLOCK = 'sale-item';

export function ItemRow({ item, onChange, onRemove }: ItemRowProps) {
  const hints = itemHints(item);
  const fen = salePriceFen(item);
  const off = discountText(item);
  const preview = !hints.salePrice && fen !== null ? `秒杀价 ${formatFen(fen)}${off ? ` · ${off}` : ''}` : null;
  return (
    <DraftRow block={BLOCK} label={item.label} price={item.price} skuStock={item.skuStock} onRemove={onRemove} preview={preview} hints={Object.values(hints)}>
      <DraftField block={BLOCK} label="秒杀价(元)" type="digit" placeholder="如 99" value={item.salePriceYuan} onInput={(v) => onChange({ salePriceYuan: v })} />
      <DraftField block={BLOCK} label="秒杀库存" type="number" placeholder="件" value={item.stock} onInput={(v) => onChange({ stock: v })} />
      <DraftField block={BLOCK} label="每人限购" type="number" placeholder="1-10" value={item.perUserLimit} onInput={(v) => onChange({ perUserLimit: v })} />
    </DraftRow>
  );
}
