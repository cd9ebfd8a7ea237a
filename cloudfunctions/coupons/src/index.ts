import { createMain } from '../../_shared/router';
import { center, claim, detail, mine, token } from './handlers/consumer';
import { createTemplate, redemptionsByStore, templates } from './handlers/manager';

export const main = createMain({ center, claim, mine, detail, token, createTemplate, templates, redemptionsByStore });
