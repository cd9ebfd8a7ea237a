import { createMain } from '../../_shared/router';
import { buy } from './handlers/buy';
import { adminSales, endSale, saveSale } from './handlers/manager';
import { forProduct, list } from './handlers/read';

export const main = createMain({ list, forProduct, buy, adminSales, saveSale, endSale });
