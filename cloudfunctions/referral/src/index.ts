import { createMain } from '../../_shared/router';
import { bind } from './handlers/bind';
import { onOrderEvent } from './handlers/order-event';
import { poster } from './handlers/poster';
import { progress } from './handlers/progress';

export const main = createMain({ poster, bind, progress, onOrderEvent });
