/** Stores near me, by city, and one store (the `stores` function). */
import type { Reply } from '@/domain/reply';
import { callFunction } from './cloud';

export interface StoreInfo {
  id: string;
  name: string;
  city: string;
  district: string;
  address: string;
  latitude: number;
  longitude: number;
  phone: string;
  hours: { open: string; close: string };
  hoursText: string;
  openNow: boolean;
  image: string;
  services: string[];
  /** Metres, when the shopper shared their location. */
  distance?: number;
}

/** '320m', '3.7km', '1070km'. */
export function distanceText(metres: number | undefined): string {
  if (metres === undefined) return '';
  if (metres < 1000) return `${Math.max(10, Math.round(metres / 10) * 10)}m`;
  return metres < 100_000 ? `${(metres / 1000).toFixed(1)}km` : `${Math.round(metres / 1000)}km`;
}

export const storesService = {
  nearby(latitude: number, longitude: number, limit = 20): Promise<Reply<{ stores: StoreInfo[] }>> {
    return callFunction('stores', { action: 'nearby', latitude, longitude, limit });
  },
  cities(): Promise<Reply<{ cities: { city: string; stores: StoreInfo[] }[] }>> {
    return callFunction('stores', { action: 'cities' });
  },
  detail(id: string): Promise<Reply<{ store: StoreInfo }>> {
    return callFunction('stores', { action: 'detail', id });
  },
};
