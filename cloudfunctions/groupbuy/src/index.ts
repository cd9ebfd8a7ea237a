import { createMain } from '../../_shared/router';
import { activities, activity, forProduct } from './handlers/browse';
import { group, mine } from './handlers/group';
import { adminActivities, endActivity, saveActivity } from './handlers/manager';
import { join, open } from './handlers/purchase';
import { sweep } from './handlers/timers';

export const main = createMain({ activities, activity, forProduct, open, join, group, mine, adminActivities, saveActivity, endActivity }, { timers: { sweep } });
