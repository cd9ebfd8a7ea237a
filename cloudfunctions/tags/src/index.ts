import { createMain } from '../../_shared/router';
import { tagsDaily } from './handlers/daily';
import { search, setManual, user } from './handlers/manager';
import { onOrderEvent } from './handlers/order-event';

export const main = createMain({ onOrderEvent, search, user, setManual }, { timers: { tagsDaily } });
