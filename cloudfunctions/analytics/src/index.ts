import { createMain } from '../../_shared/router';
import { preferences } from './handlers/preferences';
import { subscribed, templates } from './handlers/subscribed';
import { track } from './handlers/track';

export const main = createMain({ track, subscribed, templates, preferences });
