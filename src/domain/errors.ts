/**
 * Stable error codes every cloud function may reply with, and the Chinese message a person sees.
 * Codes are part of the API contract (docs/api.md): add, never rename.
 */
export const ERROR_MESSAGES = {
  INVALID_INPUT: '输入有误，请检查后重试',
  UNKNOWN_ACTION: '不支持的操作',
  UNAUTHENTICATED: '请先登录',
  FORBIDDEN: '没有权限执行此操作',
  NOT_FOUND: '内容不存在或已下架',
  CONFLICT: '操作冲突，请稍后重试',
  RATE_LIMITED: '操作太频繁，请稍后再试',
  OUT_OF_STOCK: '库存不足',
  NETWORK: '网络异常，请检查网络后重试',
  INTERNAL: '系统繁忙，请稍后重试',
} as const;

export type KnownErrorCode = keyof typeof ERROR_MESSAGES;
/** Known codes autocomplete; feature areas may add their own stable codes. */
export type ErrorCode = KnownErrorCode | (string & Record<never, never>);

export function messageFor(code: ErrorCode): string {
  return (ERROR_MESSAGES as Record<string, string>)[code] ?? ERROR_MESSAGES.INTERNAL;
}
