/**
 * Referral on the client (docs/api.md "referral"): the code a shopper arrived with, bound to its
 * owner once they are logged in and remembered so the order they place records it; the poster's
 * data and the invite page's progress. Every call returns the function's Reply; nothing throws.
 */
import Taro from '@tarojs/taro';
import { codeFromScene } from '@/domain/referral/short-code';
import type { ReferralStatus } from '@/domain/referral/progress';
import type { Fen } from '@/domain/money';
import { callFunction } from './cloud';

type WireDate = string;

export type PosterTarget = { type: 'product'; id: string } | { type: 'home' };

export interface PosterData {
  code: string;
  scene: string;
  target: { type: string; id: string | null };
  /** Temp URL of the mini-program code image. */
  codeImage: string;
  sharer: { nickName: string; avatarUrl: string };
  product: { id: string; title: string; price: Fen; image: string } | null;
  copy: string;
}

export interface InviteProgressData {
  invited: number;
  qualified: number;
  milestones: number;
  target: number;
  remaining: number;
  rule: { pointsPerInvitee: number; milestoneInvites: number; couponTitle: string };
  invitees: { name: string; avatarUrl: string; status: ReferralStatus; statusText: string; boundAt: WireDate; rewardPoints: number }[];
  rewards: { points: number; coupons: { id: string; title: string; status: string; validTo: WireDate }[] };
}

const STORAGE_KEY = 'weave.referral';
/** How long an arrival code is remembered: the visit it came with, not forever. */
const REMEMBER_MS = 24 * 60 * 60 * 1000;

interface Remembered {
  code: string;
  at: number;
  bound: boolean;
}

function read(): Remembered | null {
  try {
    const saved = Taro.getStorageSync(STORAGE_KEY) as Remembered | '';
    if (!saved || typeof saved.code !== 'string' || Date.now() - saved.at > REMEMBER_MS) return null;
    return saved;
  } catch {
    return null;
  }
}

function write(value: Remembered): void {
  try {
    Taro.setStorageSync(STORAGE_KEY, value);
  } catch {
    // Storage full or unavailable: the code is only lost for this visit.
  }
}

/** h5 links carry `?scene=` inside the hash route (`/#/pages/home/index?scene=...`) or the query. */
function sceneFromLocation(): string | undefined {
  if (process.env.TARO_ENV !== 'h5' || typeof window === 'undefined') return undefined;
  const { hash, search } = window.location;
  const fromHash = hash.includes('?') ? new URLSearchParams(hash.slice(hash.indexOf('?') + 1)).get('scene') : null;
  return fromHash ?? new URLSearchParams(search).get('scene') ?? undefined;
}

/**
 * Remembers the code in a launch / page query (weapp: `scene` from the mini-program code, or a
 * shared path's `scene`; h5: the link). True when a new code was found.
 */
export function captureReferral(query?: Record<string, unknown> | null): boolean {
  const code = codeFromScene(query?.scene) ?? codeFromScene(sceneFromLocation());
  if (!code) return false;
  const current = read();
  if (current?.code === code) return false;
  write({ code, at: Date.now(), bound: false });
  return true;
}

/** The code to record on an order placed now (orders.create `referralCode`). */
export function referralCode(): string | undefined {
  return read()?.code;
}

/** Binds the logged-in user to the remembered code's owner, once; a refusal is not the shopper's problem. */
export async function bindReferral(): Promise<void> {
  const current = read();
  if (!current || current.bound) return;
  const reply = await callFunction<{ referrer: string }>('referral', { action: 'bind', code: current.code, source: 'poster' });
  if (reply.ok || reply.code !== 'NETWORK') write({ ...current, bound: true });
}

export const referralService = {
  poster: (target: PosterTarget) => callFunction<PosterData>('referral', { action: 'poster', target }),
  progress: () => callFunction<InviteProgressData>('referral', { action: 'progress' }),
};
