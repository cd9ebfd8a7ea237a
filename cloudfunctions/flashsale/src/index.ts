import { createMain } from '../../_shared/router';
import { buy } from './handlers/buy';
import { forProduct, list } from './handlers/read';

export const main = createMain({ list, forProduct, buy });
