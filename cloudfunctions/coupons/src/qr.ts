/**
 * Signing and checking the rotating store-coupon QR token (src/domain/coupon-token.ts has the
 * format). Used by `coupons.token` to make one and by the `staff` function to check one; the secret
 * never leaves the server.
 *
 * The secret: `WEAVE_COUPON_QR_SECRET` from the function's environment (set it in the console for
 * both functions). Without it the first call generates 32 random bytes into `server_secrets`
 * (a collection no client rule may read), so a fresh environment or the local CloudBase works
 * without setup and every instance agrees on the same secret.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'crypto';
import { DEFAULT_QR_ROTATE_SECONDS, formatToken, parseToken, qrWindow, tokenPayload, windowAccepted, windowTimes } from '../../../src/domain/coupon-token';
import { AppError } from '../../../src/domain/reply';
import { isDuplicateKeyError, type Database } from '../../_shared/db-types';

const SECRET_DOC = 'coupon_qr';
let cachedSecret: string | null = null;

async function storedSecret(db: Database): Promise<string> {
  const secrets = db.collection<{ _id: string; value: string }>('server_secrets');
  const found = await secrets.where({ _id: SECRET_DOC }).limit(1).get();
  if (found.data[0]) return found.data[0].value;
  try {
    const value = randomBytes(32).toString('base64url');
    await secrets.add({ data: { _id: SECRET_DOC, value, createdAt: new Date() } });
    return value;
  } catch (error) {
    // Two cold instances raced: the first one's secret is the secret.
    if (!isDuplicateKeyError(error)) throw error;
    const again = await secrets.where({ _id: SECRET_DOC }).limit(1).get();
    if (!again.data[0]) throw error;
    return again.data[0].value;
  }
}

export async function qrSecret(db: Database): Promise<string> {
  const fromEnv = process.env.WEAVE_COUPON_QR_SECRET;
  if (fromEnv && fromEnv.length >= 16) return fromEnv;
  if (!cachedSecret) cachedSecret = await storedSecret(db);
  return cachedSecret;
}

/** settings/coupons.qrRotateSeconds (docs/data-model.md), bounded so a typo cannot make tokens live for hours. */
export async function qrRotateSeconds(db: Database): Promise<number> {
  const found = await db.collection<{ _id: string; qrRotateSeconds?: unknown }>('settings').where({ _id: 'coupons' }).limit(1).get();
  const value = found.data[0]?.qrRotateSeconds;
  return typeof value === 'number' && Number.isInteger(value) && value >= 10 && value <= 300 ? value : DEFAULT_QR_ROTATE_SECONDS;
}

function signature(secret: string, userCouponId: string, window: number): string {
  // 128 bits of the HMAC are plenty against guessing and keep the QR code small enough to scan easily.
  return createHmac('sha256', secret).update(tokenPayload(userCouponId, window)).digest('base64url').slice(0, 22);
}

export interface IssuedToken {
  token: string;
  window: number;
  rotateSeconds: number;
  /** Epoch ms: fetch a fresh token from then on. */
  refreshAt: number;
  /** Epoch ms: this token is refused from then on. */
  expiresAt: number;
}

export async function signToken(db: Database, userCouponId: string, now: Date): Promise<IssuedToken> {
  const [secret, rotateSeconds] = await Promise.all([qrSecret(db), qrRotateSeconds(db)]);
  const window = qrWindow(now.getTime(), rotateSeconds);
  return { token: formatToken(userCouponId, window, signature(secret, userCouponId, window)), window, rotateSeconds, ...windowTimes(window, rotateSeconds) };
}

/** The coupon id a genuine, fresh token names; AppError INVALID_TOKEN or TOKEN_EXPIRED otherwise. */
export async function verifyToken(db: Database, token: string, now: Date): Promise<string> {
  const parsed = parseToken(token);
  if (!parsed) throw new AppError('INVALID_TOKEN', '无法识别的券码，请重新扫码或手动输入');
  const [secret, rotateSeconds] = await Promise.all([qrSecret(db), qrRotateSeconds(db)]);
  const expected = Buffer.from(signature(secret, parsed.userCouponId, parsed.window));
  const given = Buffer.from(parsed.signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
    throw new AppError('INVALID_TOKEN', '二维码无效，请让顾客重新打开券码');
  }
  if (!windowAccepted(parsed.window, now.getTime(), rotateSeconds)) throw new AppError('TOKEN_EXPIRED', '二维码已过期，请让顾客刷新');
  return parsed.userCouponId;
}
