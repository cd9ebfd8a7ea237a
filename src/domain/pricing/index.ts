export { priceOrder } from './price-order';
export type { CouponOutcome, ItemAllocation, PriceBreakdown, PriceLine, PriceLineKey } from './price-order';
export { parsePricingInput } from './pricing-input';
export type { Delivery, ParsedPricingInput, PricingCoupon, PricingInput, PricingItem } from './pricing-input';
export { DEFAULT_PRICING_CONFIG, FEN_PER_POINT, assertPricingConfig } from './config';
export type { PricingConfig } from './config';
export { zheLabel } from './zhe';
