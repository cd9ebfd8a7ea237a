import { createMain } from '../../_shared/router';
import { login } from './handlers/login';

export const main = createMain({ login });
