import type { Fen } from '@/domain/money';

export interface PriceProps {
  /** the amount in integer fen (¥1 = 100) */
  fen: Fen;
  /** list price: grey, smaller, struck through */
  strike?: boolean;
  size?: 'sm' | 'md' | 'lg';
  className?: string;
}
