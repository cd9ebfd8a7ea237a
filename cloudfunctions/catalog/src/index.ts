import { createMain } from '../../_shared/router';
import { categories } from './handlers/categories';
import { home } from './handlers/home';
import { product } from './handlers/product';
import { restockNotify, subscribeRestock } from './handlers/restock';
import { search } from './handlers/search';

export const main = createMain({ home, categories, search, product, subscribeRestock }, { timers: { restockNotify } });
