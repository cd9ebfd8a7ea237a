import { createMain } from '../../_shared/router';
import { audiencePreview, vocabulary } from './handlers/audience';
import { cancel, checkContent, create, detail, list, schedule, sendNow, update } from './handlers/campaigns';
import { report } from './handlers/report';
import { senderTick } from './handlers/sender';

export const main = createMain(
  { audiencePreview, vocabulary, create, update, checkContent, list, detail, sendNow, schedule, cancel, report },
  { timers: { sender: senderTick } },
);
