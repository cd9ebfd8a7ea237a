/**
 * The member's own state across the member pages: profile (tier, points, progress), the check-in
 * calendar and the last check-in result. After a check-in or an exchange the points shown on
 * "我的" (the session profile) are updated too, so every page agrees without a reload.
 */
import { create } from 'zustand';
import { membershipApi, newRequestId, type CalendarReply, type CheckinReply, type ExchangeReply, type MemberProfile } from '@/services/membership';
import { useSession } from './session';

type Failure = { code: string; message: string };

export interface MembershipState {
  profile: MemberProfile | null;
  calendar: CalendarReply | null;
  lastCheckin: CheckinReply | null;
  loading: boolean;
  checkingIn: boolean;
  error: Failure | null;
  loadProfile(): Promise<void>;
  loadCalendar(year?: number, month?: number): Promise<void>;
  checkIn(): Promise<{ ok: true; data: CheckinReply } | ({ ok: false } & Failure)>;
  exchange(templateId: string): Promise<{ ok: true; data: ExchangeReply } | ({ ok: false } & Failure)>;
}

function syncSessionPoints(points: number): void {
  const session = useSession.getState();
  if (session.profile) useSession.setState({ profile: { ...session.profile, points } });
}

export const useMembership = create<MembershipState>((set, get) => ({
  profile: null,
  calendar: null,
  lastCheckin: null,
  loading: false,
  checkingIn: false,
  error: null,
  async loadProfile() {
    set({ loading: true, error: null });
    const reply = await membershipApi.profile();
    if (reply.ok) {
      set({ profile: reply.data, loading: false });
      syncSessionPoints(reply.data.points);
    } else set({ loading: false, error: { code: reply.code, message: reply.message } });
  },
  async loadCalendar(year, month) {
    const reply = await membershipApi.calendar(year, month);
    if (reply.ok) set({ calendar: reply.data, error: null });
    else set({ error: { code: reply.code, message: reply.message } });
  },
  async checkIn() {
    if (get().checkingIn) return { ok: false, code: 'BUSY', message: '正在签到…' };
    set({ checkingIn: true });
    const reply = await membershipApi.checkin();
    set({ checkingIn: false });
    if (reply.ok) {
      set({ lastCheckin: reply.data });
      syncSessionPoints(reply.data.balance);
    }
    // Either way (a check-in from another device shows as "already"), the grid and status refresh.
    const shown = get().calendar;
    await Promise.all([get().loadCalendar(shown?.year, shown?.month), get().loadProfile()]);
    return reply.ok ? reply : { ok: false, code: reply.code, message: reply.message };
  },
  async exchange(templateId) {
    const reply = await membershipApi.exchange(templateId, newRequestId());
    if (reply.ok) syncSessionPoints(reply.data.balance);
    return reply.ok ? reply : { ok: false, code: reply.code, message: reply.message };
  },
}));
