/** The campaign and send documents as this function writes them, and the manager's view of them. */
import type { CampaignDoc, CampaignSendDoc, PushRecordDoc } from '../../../scripts/seed/types';

export type CampaignStatus = CampaignDoc['status'];

/**
 * The sender's progress lives on the campaign, never in memory: `materialise` pages the audience
 * into campaign_sends after `cursor` (the last openid written); `send` works through pending sends.
 */
export interface CampaignRecord extends CampaignDoc {
  phase?: 'materialise' | 'send' | 'done' | null;
  cursor?: string | null;
}

/**
 * A send goes pending -> sending -> sent | failed | unreachable, each step a conditional update.
 * While `sending` it carries a lease (token + expiry) and how far it got, so a run that died can be
 * resumed by the next timer run without calling WeChat twice for it.
 */
export interface SendRecord extends CampaignSendDoc {
  step?: 'claimed' | 'calling' | null;
  leaseToken?: string | null;
  leaseUntil?: Date | null;
  interrupted?: boolean;
}

export type PushRecord = PushRecordDoc;

const iso = (d: Date | string | null | undefined) => (d ? new Date(d).toISOString() : null);

export function campaignView(c: CampaignRecord) {
  return {
    id: c._id,
    name: c.name,
    status: c.status,
    audience: c.audience,
    audienceText: c.audienceText,
    audienceSize: c.audienceSize,
    message: c.message,
    scheduledAt: iso(c.scheduledAt),
    startedAt: iso(c.startedAt),
    finishedAt: iso(c.finishedAt),
    report: c.report,
    reportedAt: iso(c.reportedAt),
    createdBy: c.createdBy,
    createdAt: iso(c.createdAt),
    updatedAt: iso(c.updatedAt),
  };
}
