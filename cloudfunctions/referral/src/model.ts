/**
 * What this function reads and writes, and settings/referral. Document shapes are the data
 * model's (scripts/seed/types.ts); the fields added here are optional so seeded rows still fit.
 */
import type { ReferralCodeDoc, ReferralDoc } from '../../../scripts/seed/types';
import { referralConfigFrom, type ReferralConfig } from '../../../src/domain/referral/rewards';
import type { Database } from '../../_shared/db-types';
import type { HandlerContext } from '../../_shared/router';

export type CodeDoc = ReferralCodeDoc & {
  /** The stored mini-program code image (cloud storage), made once per code. */
  imageFileId?: string;
};

export type BindingSource = 'poster' | 'share' | 'link';

export type ReferralRow = ReferralDoc & {
  /** How the invitee arrived. */
  source?: BindingSource;
  /** When a refund inside the after-sales window voided the reward. */
  voidedAt?: Date | null;
};

export interface UserRow {
  _id: string;
  nickName?: string;
  avatarUrl?: string;
  paidOrderCount?: number;
  referrer?: { openid: string; code: string; boundAt: Date } | null;
}

export async function loadReferralConfig(db: Database): Promise<ReferralConfig> {
  const { data } = await db.collection<Record<string, unknown>>('settings').where({ _id: 'referral' }).limit(1).get();
  return referralConfigFrom(data[0]);
}

export async function findReferral(db: Database, invitee: string): Promise<ReferralRow | undefined> {
  const { data } = await db.collection<ReferralRow>('referrals').where({ _id: invitee }).limit(1).get();
  return data[0];
}

/** Temp URLs for cloud file ids (what a 2D canvas can load on both builds); other strings pass through. */
export async function tempUrls(cloud: HandlerContext['cloud'], ids: readonly string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const fileIds = [...new Set(ids.filter((id) => id.startsWith('cloud://')))];
  for (const id of ids) if (!id.startsWith('cloud://')) out.set(id, id);
  if (fileIds.length === 0) return out;
  const res = (await (cloud.getTempFileURL({ fileList: fileIds }) as Promise<unknown>)) as { fileList?: { fileID: string; tempFileURL?: string; status?: number }[] };
  for (const f of res.fileList ?? []) if (f.status === 0 && f.tempFileURL) out.set(f.fileID, encodeURI(f.tempFileURL));
  return out;
}
