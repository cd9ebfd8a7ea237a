import { randomBytes } from 'crypto';

/**
 * A new `_id` shaped like the ones the cloud generates: 32 lowercase hex characters whose 9th-16th
 * characters are the creation time in Unix seconds (e.g. `2ed3518f5f8bc6c1002a5bb83b4f2d4a`).
 * Code must treat ids as opaque strings; the shape only keeps length checks and logs realistic.
 */
export function newDocumentId(nowMs: number): string {
  const seconds = Math.floor(nowMs / 1000)
    .toString(16)
    .padStart(8, '0')
    .slice(-8);
  return randomBytes(4).toString('hex') + seconds + randomBytes(8).toString('hex');
}

export function newRequestId(): string {
  return randomBytes(16).toString('hex').replace(/^(.{8})(.{4})(.{4})(.{4})/, '$1-$2-$3-$4-');
}

export function newTransactionId(): string {
  return randomBytes(12).toString('hex');
}
