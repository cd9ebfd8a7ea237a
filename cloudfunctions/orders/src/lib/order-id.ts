import { zonedParts } from '../../../../src/domain/business-day';

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

function randomDigits(count: number): string {
  let out = '';
  for (let i = 0; i < count; i += 1) out += Math.floor(Math.random() * 10);
  return out;
}

/**
 * `W` + Shanghai yyMMddHHmmss + 4 random digits (docs/data-model.md): readable on the phone and
 * short enough for WeChat Pay's out_trade_no. Uniqueness is not left to chance: the id is claimed
 * in order_requests (unique orderId) before it is used, and a clash draws again.
 */
export function newOrderId(now: Date): string {
  const p = zonedParts(now);
  return `W${pad(p.year % 100)}${pad(p.month)}${pad(p.day)}${pad(p.hour)}${pad(p.minute)}${pad(p.second)}${randomDigits(4)}`;
}

export function newPickupCode(digits: number): string {
  return randomDigits(digits);
}
