import fc from 'fast-check';
import { NO_CREDIT_ERRCODE, acceptedTemplates, clearCredits, consumeCredit, creditsFor, grantCredits } from './credits';

const OURS = ['tpl-new-arrival', 'tpl-price-drop'];

describe('subscribe-message credits', () => {
  it('reads the accepted templates from wx.requestSubscribeMessage, and only ours', () => {
    const result = { errMsg: 'requestSubscribeMessage:ok', 'tpl-new-arrival': 'accept', 'tpl-price-drop': 'reject', 'tpl-other': 'accept' };
    expect(acceptedTemplates(result, OURS)).toEqual(['tpl-new-arrival']);
    expect(acceptedTemplates({ 'tpl-price-drop': 'ban' }, OURS)).toEqual([]);
    expect(acceptedTemplates(null, OURS)).toEqual([]);
    expect(acceptedTemplates('accept', OURS)).toEqual([]);
  });

  it('gives one send per acceptance, adding up over several acceptances', () => {
    let ledger = grantCredits(null, ['tpl-new-arrival']);
    ledger = grantCredits(ledger, ['tpl-new-arrival', 'tpl-price-drop']);
    expect(creditsFor(ledger, 'tpl-new-arrival')).toBe(2);
    expect(creditsFor(ledger, 'tpl-price-drop')).toBe(1);
    expect(creditsFor(ledger, 'tpl-unknown')).toBe(0);
  });

  it('spends one credit per send and answers 43101 when none is left', () => {
    const first = consumeCredit({ 'tpl-new-arrival': 1 }, 'tpl-new-arrival');
    expect(first).toEqual({ ok: true, ledger: { 'tpl-new-arrival': 0 } });
    const second = consumeCredit(first.ok ? first.ledger : {}, 'tpl-new-arrival');
    expect(second).toEqual({ ok: false, errcode: 43101, reason: 'no_credit' });
    expect(NO_CREDIT_ERRCODE).toBe(43101);
    expect(consumeCredit(undefined, 'tpl-price-drop').ok).toBe(false);
  });

  it('does not let one template pay for another', () => {
    expect(consumeCredit({ 'tpl-price-drop': 3 }, 'tpl-new-arrival').ok).toBe(false);
  });

  it('reads a damaged count as no credit', () => {
    expect(creditsFor({ a: -2 }, 'a')).toBe(0);
    expect(creditsFor({ a: 1.5 }, 'a')).toBe(0);
    expect(creditsFor({ a: Number.NaN }, 'a')).toBe(0);
  });

  it('clears a template after WeChat says 43101, leaving others', () => {
    expect(clearCredits({ a: 4, b: 2 }, 'a')).toEqual({ a: 0, b: 2 });
  });

  it('never sends more than was accepted', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom<'grant' | 'send'>('grant', 'send'), { maxLength: 60 }), (steps) => {
        let ledger = {};
        let granted = 0;
        let sent = 0;
        for (const step of steps) {
          if (step === 'grant') {
            ledger = grantCredits(ledger, ['t']);
            granted += 1;
          } else {
            const r = consumeCredit(ledger, 't');
            if (r.ok) {
              ledger = r.ledger;
              sent += 1;
            }
          }
          expect(sent).toBeLessThanOrEqual(granted);
          expect(creditsFor(ledger, 't')).toBe(granted - sent);
        }
      }),
    );
  });
});
