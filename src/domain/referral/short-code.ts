/**
 * The referral short code: what a poster's mini-program code carries. WeChat's `scene` allows 32
 * characters, so the code only names a `referral_codes` document (referrer + target) and the
 * server looks the rest up. Codes are 8 characters [A-Z0-9]; new ones avoid 0/O and 1/I so a
 * code read aloud or typed is not mistaken.
 */

export const CODE_LENGTH = 8;
export const SCENE_MAX = 32;
/** No 0, O, 1, I: 32 symbols, 8 of them give 2^40 codes. */
export const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const CODE_PATTERN = /^[A-Z0-9]{8}$/;

export function isReferralCode(value: unknown): value is string {
  return typeof value === 'string' && CODE_PATTERN.test(value);
}

/**
 * A code from 8 bytes of entropy (a hash or random bytes): the same bytes always give the same
 * code, so the server can derive a referrer+target's code and let a duplicate insert decide races.
 */
export function codeFromBytes(bytes: ArrayLike<number>): string {
  if (bytes.length < CODE_LENGTH) throw new RangeError(`a referral code needs ${CODE_LENGTH} bytes`);
  let code = '';
  for (let i = 0; i < CODE_LENGTH; i += 1) code += CODE_ALPHABET[bytes[i] % CODE_ALPHABET.length];
  return code;
}

/** What wxacode.getUnlimited gets: `r=<code>` (the prefix leaves room for other kinds of scene). */
export function sceneOf(code: string): string {
  if (!isReferralCode(code)) throw new RangeError(`bad referral code ${JSON.stringify(code)}`);
  return `r=${code}`;
}

/**
 * The code in what arrived: a weapp page's `options.scene` (URI-encoded `r%3DCODE`), a launch
 * query, or an h5 link's `?scene=` (`r=CODE` or the bare code). Anything else is null: a wrong
 * scene must not bind anyone.
 */
export function codeFromScene(raw: unknown): string | null {
  if (typeof raw !== 'string' || raw === '' || raw.length > SCENE_MAX * 3) return null;
  let text = raw.trim();
  try {
    text = decodeURIComponent(text);
  } catch {
    return null;
  }
  if (text.length > SCENE_MAX) return null;
  const code = (text.startsWith('r=') ? text.slice(2) : text).toUpperCase();
  return isReferralCode(code) ? code : null;
}
