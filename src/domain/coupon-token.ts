/**
 * The store-coupon QR code and what staff see, as pure rules (the HMAC itself is computed on the
 * server, which alone holds the secret).
 *
 * A token is `<userCouponId>.<window>.<signature>`: `window` is the number of whole rotation
 * periods since the epoch, so a token names the period it was made in and a screenshot goes stale
 * once that period and the next one have passed. The short code is the 8 digits printed under the
 * QR code for when scanning fails.
 */

export const DEFAULT_QR_ROTATE_SECONDS = 60;
export const SHORT_CODE_PATTERN = /^\d{8}$/;
export const PICKUP_CODE_PATTERN = /^\d{6}$/;

/** The rotation period an instant falls in. */
export function qrWindow(nowMs: number, rotateSeconds: number): number {
  return Math.floor(nowMs / (rotateSeconds * 1000));
}

/** The current and the previous window are accepted: a token lives between one and two periods. */
export function windowAccepted(tokenWindow: number, nowMs: number, rotateSeconds: number): boolean {
  const current = qrWindow(nowMs, rotateSeconds);
  return tokenWindow === current || tokenWindow === current - 1;
}

/** When the client should fetch a new token (the next window starts) and when this one stops working. */
export function windowTimes(window: number, rotateSeconds: number): { refreshAt: number; expiresAt: number } {
  const period = rotateSeconds * 1000;
  return { refreshAt: (window + 1) * period, expiresAt: (window + 2) * period };
}

/** What the HMAC covers: the coupon and the window, nothing a client could vary otherwise. */
export function tokenPayload(userCouponId: string, window: number): string {
  return `${userCouponId}.${window}`;
}

export function formatToken(userCouponId: string, window: number, signature: string): string {
  return `${tokenPayload(userCouponId, window)}.${signature}`;
}

export interface ParsedToken {
  userCouponId: string;
  window: number;
  signature: string;
}

/** Null for anything that is not shaped like a token (so the caller can say "二维码无效"). */
export function parseToken(text: string): ParsedToken | null {
  const m = /^([A-Za-z0-9_:-]{1,128})\.(\d{1,12})\.([A-Za-z0-9_-]{16,64})$/.exec(text.trim());
  if (!m) return null;
  return { userCouponId: m[1], window: Number(m[2]), signature: m[3] };
}

/** What staff typed or scanned: a QR token, an 8-digit short code, or neither. Spaces and dashes are forgiven. */
export function classifyScan(text: string): { kind: 'token'; token: string } | { kind: 'code'; code: string } | { kind: 'unknown' } {
  const trimmed = text.trim();
  if (parseToken(trimmed)) return { kind: 'token', token: trimmed };
  const digits = trimmed.replace(/[\s-]/g, '');
  if (SHORT_CODE_PATTERN.test(digits)) return { kind: 'code', code: digits };
  return { kind: 'unknown' };
}

/** '2191 2725': easier to read aloud at a counter. */
export function groupShortCode(code: string): string {
  return code.length === 8 ? `${code.slice(0, 4)} ${code.slice(4)}` : code;
}

/** '林小雨' -> '林**', 'Lin' -> 'L**': enough for staff to match a face, not to learn a name. */
export function maskName(name: string | null | undefined): string {
  const chars = Array.from((name ?? '').trim());
  if (chars.length === 0) return '顾客';
  return `${chars[0]}**`;
}

/** '13800138000' -> '138****8000'; anything else keeps only its last 4 digits. */
export function maskPhone(phone: string | null | undefined): string | null {
  const digits = (phone ?? '').replace(/\D/g, '');
  if (digits.length === 0) return null;
  if (digits.length === 11) return `${digits.slice(0, 3)}****${digits.slice(7)}`;
  return digits.length > 4 ? `****${digits.slice(-4)}` : '****';
}
