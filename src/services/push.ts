/** Campaign audiences, composing, sending and reports for the manager workspace (the `push` function). */
import type { CampaignReport } from '@/domain/push/campaign-report';
import type { AudienceRule } from '@/domain/tags/audience';
import type { Reply } from '@/domain/reply';
import { callFunction } from './cloud';

export type CampaignStatus = 'draft' | 'scheduled' | 'sending' | 'sent' | 'cancelled';

export interface CampaignMessage {
  templateKey: string;
  templateId: string;
  fields: Record<string, string>;
  page: string;
}

export interface Campaign {
  id: string;
  name: string;
  status: CampaignStatus;
  audience: AudienceRule;
  audienceText: string;
  audienceSize: number;
  message: CampaignMessage;
  scheduledAt: string | null;
  startedAt: string | null;
  finishedAt: string | null;
  report: CampaignReport | null;
  reportedAt: string | null;
  createdAt: string | null;
}

export interface AudiencePreview {
  size: number;
  reachable: number;
  unreachable: { opted_out: number; no_credit: number; daily_cap: number; weekly_cap: number };
  description: string;
  sample: { _id: string }[];
}

export interface Vocabulary {
  templates: { key: string; title: string; fields: string[] }[];
  tags: string[];
  interests: string[];
  cities: string[];
  stores: { id: string; name: string }[];
  tiers: { id: string; name: string }[];
  segments: string[];
}

export interface CampaignInput {
  name: string;
  audience: AudienceRule;
  message: { templateKey: string; fields: Record<string, string>; page: string };
}

export const pushService = {
  vocabulary(): Promise<Reply<Vocabulary>> {
    return callFunction('push', { action: 'vocabulary' });
  },
  audiencePreview(audience: AudienceRule, templateKey?: string): Promise<Reply<AudiencePreview>> {
    return callFunction('push', { action: 'audiencePreview', audience, ...(templateKey ? { templateKey } : {}) });
  },
  checkContent(input: { name: string; templateKey: string; fields: Record<string, string> }): Promise<Reply<{ clean: boolean; words: string[]; message: string }>> {
    return callFunction('push', { action: 'checkContent', ...input });
  },
  create(input: CampaignInput): Promise<Reply<{ campaign: Campaign }>> {
    return callFunction('push', { action: 'create', ...input });
  },
  update(campaignId: string, input: CampaignInput): Promise<Reply<{ campaign: Campaign }>> {
    return callFunction('push', { action: 'update', campaignId, ...input });
  },
  list(): Promise<Reply<{ items: Campaign[] }>> {
    return callFunction('push', { action: 'list' });
  },
  detail(campaignId: string): Promise<Reply<{ campaign: Campaign; progress: Record<string, number> }>> {
    return callFunction('push', { action: 'detail', campaignId });
  },
  sendNow(campaignId: string): Promise<Reply<{ campaign: Campaign; deferred: boolean; quietHours: boolean }>> {
    return callFunction('push', { action: 'sendNow', campaignId });
  },
  schedule(campaignId: string, at: string): Promise<Reply<{ campaign: Campaign; deferred: boolean }>> {
    return callFunction('push', { action: 'schedule', campaignId, at });
  },
  cancel(campaignId: string): Promise<Reply<{ campaign: Campaign }>> {
    return callFunction('push', { action: 'cancel', campaignId });
  },
  report(campaignId: string): Promise<Reply<{ campaign: Campaign; report: CampaignReport }>> {
    return callFunction('push', { action: 'report', campaignId });
  },
};
