import { createMain } from '../../_shared/router';
import { addressList, addressRemove, addressSave } from './handlers/address-book';
import { login } from './handlers/login';

export const main = createMain({ login, addressList, addressSave, addressRemove });
