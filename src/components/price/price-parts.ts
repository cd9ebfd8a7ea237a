import { formatFen, type Fen } from '@/domain/money';

export interface PriceParts {
  /** '-' for refunds and deductions, '' otherwise */
  sign: string;
  yuan: string;
  /** two digits, or '' for whole yuan (¥299 reads cleaner than ¥299.00 on a clothes rail) */
  decimals: string;
}

/** Splits integer fen into the pieces a price is drawn from: big yuan, small decimals. */
export function priceParts(fen: Fen): PriceParts {
  const text = formatFen(fen, { symbol: false, trimZeros: true });
  const sign = text.startsWith('-') ? '-' : '';
  const [yuan, decimals = ''] = text.slice(sign.length).split('.');
  return { sign, yuan, decimals };
}
