/**
 * Who is using the app: openid, roles from the server, and the profile. Roles decide which
 * workspaces the UI offers; the server checks them again on every call.
 */
import { create } from 'zustand';
import { callFunction } from '@/services/cloud';

export type Role = 'consumer' | 'staff' | 'manager';

export interface Profile {
  nickName: string;
  avatarUrl: string;
  tier: string;
  points: number;
  memberSince: string;
}

export interface LoginData {
  openid: string;
  roles: Role[];
  staff: { storeId: string; name: string } | null;
  profile: Profile;
  isNew: boolean;
}

export type SessionStatus = 'idle' | 'loading' | 'ready' | 'error';

export interface SessionState {
  status: SessionStatus;
  openid: string;
  roles: Role[];
  staff: LoginData['staff'];
  profile: Profile | null;
  error: { code: string; message: string } | null;
  login(): Promise<void>;
  hasRole(role: Role): boolean;
}

export const useSession = create<SessionState>((set, get) => ({
  status: 'idle',
  openid: '',
  roles: [],
  staff: null,
  profile: null,
  error: null,
  async login() {
    set({ status: 'loading', error: null });
    const reply = await callFunction<LoginData>('user', { action: 'login' });
    if (reply.ok) {
      const { openid, roles, staff, profile } = reply.data;
      set({ status: 'ready', openid, roles, staff, profile });
    } else {
      set({ status: 'error', error: { code: reply.code, message: reply.message } });
    }
  },
  hasRole(role) {
    return get().roles.includes(role);
  },
}));
