/**
 * <weave-price fen="{{12345}}" strike size="md" />: integer fen drawn as ¥ + yuan + small decimals,
 * the weapp twin of src/components/price (same markup and class names). Native components are
 * copied into the build as they are, so the split below cannot import src/domain/money.ts; it uses
 * the same integer-only arithmetic (no division of money as a float) and the same tests' cases.
 */
function priceParts(fen) {
  if (typeof fen !== 'number' || !Number.isSafeInteger(fen)) return { sign: '', yuan: '', decimals: '', valid: false };
  const abs = Math.abs(fen);
  const cents = abs % 100;
  return {
    sign: fen < 0 ? '-' : '',
    yuan: String((abs - cents) / 100),
    decimals: cents === 0 ? '' : String(cents).padStart(2, '0'),
    valid: true,
  };
}

Component({
  properties: {
    fen: { type: Number, value: 0 },
    strike: { type: Boolean, value: false },
    size: { type: String, value: 'md' },
  },
  data: { sign: '', yuan: '0', decimals: '', valid: true },
  observers: {
    fen(fen) {
      this.setData(priceParts(fen));
    },
  },
  lifetimes: {
    attached() {
      this.setData(priceParts(this.properties.fen));
    },
  },
});
