/** One SKU of an activity being created: 拼团价 (yuan) and 拼团库存, with the hints for each. */
import { formatFen } from '@/domain/money';
import { DraftField, DraftRow } from '../parts/draft-row';
import { groupPriceFen, savingText, skuHints, type SkuDraft } from './activity-form';

export interface SkuRowProps {
  sku: SkuDraft;
  onChange: (patch: Partial<SkuDraft>) => void;
  onRemove: () => void;
}

const BLOCK = 'gbm-sku';

export function SkuRow({ sku, onChange, onRemove }: SkuRowProps) {
  const hints = skuHints(sku);
  const fen = groupPriceFen(sku);
  const saving = savingText(sku);
  const preview = !hints.groupPrice && fen !== null ? `拼团价 ${formatFen(fen)}${saving ? ` · ${saving}` : ''}` : null;
  return (
    <DraftRow block={BLOCK} label={sku.label} price={sku.price} skuStock={sku.skuStock} onRemove={onRemove} preview={preview} hints={Object.values(hints)}>
      <DraftField block={BLOCK} label="拼团价(元)" type="digit" placeholder="如 99" value={sku.groupPriceYuan} onInput={(v) => onChange({ groupPriceYuan: v })} />
      <DraftField block={BLOCK} label="拼团库存" type="number" placeholder="件" value={sku.stock} onInput={(v) => onChange({ stock: v })} />
    </DraftRow>
  );
}
