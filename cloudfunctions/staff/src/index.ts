import { createMain } from '../../_shared/router';
import { preview, redeem } from './handlers/coupons';
import { verifyPickup } from './handlers/pickup';
import { today } from './handlers/today';

export const main = createMain({ preview, redeem, verifyPickup, today });
