/**
 * Error codes of the membership rules, with the Chinese message a person sees. Like the codes in
 * ../errors.ts they are part of the API contract: add, never rename. They are not in the shared
 * ERROR_MESSAGES, so always throw them with their message (messageFor would fall back to INTERNAL).
 */
export const MEMBERSHIP_ERRORS = {
  INSUFFICIENT_POINTS: '积分不足',
  ALREADY_CHECKED_IN: '今天已经签到过了',
  BIRTHDAY_CHANGE_TOO_SOON: '生日一年内只能修改一次',
} as const;

export type MembershipErrorCode = keyof typeof MEMBERSHIP_ERRORS;
