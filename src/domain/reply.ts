import { messageFor, type ErrorCode } from './errors';

/** The one reply shape of every cloud function. */
export type Reply<T> = { ok: true; data: T } | { ok: false; code: ErrorCode; message: string };

export function ok<T>(data: T): Reply<T> {
  return { ok: true, data };
}

export function fail(code: ErrorCode, message: string = messageFor(code)): { ok: false; code: ErrorCode; message: string } {
  return { ok: false, code, message };
}

/** Thrown inside handlers to stop with a clear, expected failure; the router turns it into a reply. */
export class AppError extends Error {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string = messageFor(code)) {
    super(message);
    this.code = code;
    this.name = 'AppError';
  }
}

export function isReply(value: unknown): value is Reply<unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  if (v.ok === true) return 'data' in v;
  return v.ok === false && typeof v.code === 'string' && typeof v.message === 'string';
}
