import { createMain } from '../../_shared/router';
import { birthdayDaily, setBirthday } from './handlers/birthday';
import { calendar, checkin } from './handlers/checkin';
import { onOrderEvent } from './handlers/order-event';
import { exchange, mall, pointsHistory } from './handlers/points';
import { profile } from './handlers/profile';
import { tierDaily } from './handlers/tier';

export const main = createMain(
  { profile, checkin, calendar, pointsHistory, mall, exchange, setBirthday, onOrderEvent },
  { timers: { tierDaily, birthdayDaily } },
);
