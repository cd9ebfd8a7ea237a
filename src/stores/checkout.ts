/**
 * What the checkout page carries across the pages it opens: the address picked in the address
 * book comes back here, and the checkout re-prices with it.
 */
import { create } from 'zustand';

export interface CheckoutState {
  /** chosen in the address book; null = the server's default address */
  addressId: string | null;
  pickAddress(id: string | null): void;
}

export const useCheckout = create<CheckoutState>((set) => ({
  addressId: null,
  pickAddress: (addressId) => set({ addressId }),
}));
