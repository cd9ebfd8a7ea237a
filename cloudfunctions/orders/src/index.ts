import { createMain } from '../../_shared/router';
import { cancel, confirm, detail, list, pay, preview, refundRequest } from './handlers/consumer';
import { create } from './handlers/create';
import { adminDetail, adminList, refundReview, ship } from './handlers/manager';
import { autoCancel, autoComplete, dispatchEvents } from './handlers/timers';

export const main = createMain(
  { preview, create, pay, cancel, confirm, list, detail, refundRequest, adminList, adminDetail, ship, refundReview },
  { timers: { autoCancel, autoComplete, dispatchEvents } },
);
