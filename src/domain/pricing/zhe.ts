/**
 * Chinese discount wording: a price paid at 95% of the original is "9.5折", at 90% "9折".
 * Takes the integer percentage PAID (not the percentage off) so tiers and coupons share it.
 */
export function zheLabel(percentPaid: number): string {
  if (!Number.isInteger(percentPaid) || percentPaid < 1 || percentPaid > 99) {
    throw new RangeError(`a 折 label needs an integer percentage paid in 1..99, got ${percentPaid}`);
  }
  const tens = Math.floor(percentPaid / 10);
  const ones = percentPaid % 10;
  return ones === 0 ? `${tens}折` : `${tens}.${ones}折`;
}
