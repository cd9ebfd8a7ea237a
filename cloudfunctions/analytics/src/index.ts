import { createMain } from '../../_shared/router';
import { preferences } from './handlers/preferences';
import { subscribed } from './handlers/subscribed';
import { track } from './handlers/track';

export const main = createMain({ track, subscribed, preferences });
