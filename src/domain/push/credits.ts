/**
 * Subscribe-message credits. A WeChat subscribe message is one-time: each time a user accepts a
 * template in wx.requestSubscribeMessage, we may send that template to them once. The server keeps
 * the count per template in the user's ledger so a campaign knows in advance who it can reach.
 * WeChat stays the judge: when a send fails with 43101 the ledger was wrong and is cleared.
 */

/** Template id -> sends left. Absent means 0. */
export type CreditLedger = Readonly<Record<string, number>>;

/** WeChat's errcode for "the user has no subscription left for this template". */
export const NO_CREDIT_ERRCODE = 43101;

/**
 * The templates a user accepted, from the result object of wx.requestSubscribeMessage
 * (`{ errMsg, <templateId>: 'accept' | 'reject' | 'ban' | 'filter' }`). Only our own templates
 * count, so a client cannot write arbitrary keys into the ledger document.
 */
export function acceptedTemplates(result: unknown, ourTemplateIds: readonly string[]): string[] {
  if (typeof result !== 'object' || result === null) return [];
  const r = result as Record<string, unknown>;
  return ourTemplateIds.filter((id) => Object.prototype.hasOwnProperty.call(r, id) && r[id] === 'accept');
}

export function creditsFor(ledger: CreditLedger | null | undefined, templateId: string): number {
  const n = ledger?.[templateId];
  return typeof n === 'number' && Number.isInteger(n) && n > 0 ? n : 0;
}

/** One accepted template = one more send. The server applies it as `inc(1)` per template. */
export function grantCredits(ledger: CreditLedger | null | undefined, templateIds: readonly string[]): CreditLedger {
  const next: Record<string, number> = { ...(ledger ?? {}) };
  for (const id of templateIds) next[id] = creditsFor(next, id) + 1;
  return next;
}

export type ConsumeResult = { ok: true; ledger: CreditLedger } | { ok: false; errcode: typeof NO_CREDIT_ERRCODE; reason: 'no_credit' };

/**
 * Takes one credit before a send. On the server this is one conditional update
 * (`where credits.<id> > 0, inc(-1)`); a second campaign racing for the last credit then fails cleanly.
 */
export function consumeCredit(ledger: CreditLedger | null | undefined, templateId: string): ConsumeResult {
  const left = creditsFor(ledger, templateId);
  if (left === 0) return { ok: false, errcode: NO_CREDIT_ERRCODE, reason: 'no_credit' };
  return { ok: true, ledger: { ...(ledger ?? {}), [templateId]: left - 1 } };
}

/** After WeChat answered 43101: our count was too high, so trust WeChat and set it to 0. */
export function clearCredits(ledger: CreditLedger | null | undefined, templateId: string): CreditLedger {
  return { ...(ledger ?? {}), [templateId]: 0 };
}
