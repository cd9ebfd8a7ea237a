import { SEND_FAILURE_LABELS, SEND_FAILURE_REASONS, classifySendResult } from './send-result';

describe('classifying a subscribe-message send result', () => {
  it('treats errcode 0 or no errcode as sent', () => {
    expect(classifySendResult(0)).toEqual({ status: 'sent' });
    expect(classifySendResult(undefined)).toEqual({ status: 'sent' });
  });

  it('reads 43101 as no credit, and the documented errors by name', () => {
    expect(classifySendResult(43101)).toEqual({ status: 'failed', reason: 'no_credit', errcode: 43101 });
    expect(classifySendResult(40003)).toMatchObject({ reason: 'invalid_user' });
    expect(classifySendResult(40037)).toMatchObject({ reason: 'invalid_template' });
    expect(classifySendResult(47003)).toMatchObject({ reason: 'invalid_content' });
    expect(classifySendResult(41030)).toMatchObject({ reason: 'invalid_page' });
  });

  it('keeps an unknown errcode as other, with the code for the log', () => {
    expect(classifySendResult(-1)).toEqual({ status: 'failed', reason: 'other', errcode: -1 });
  });

  it('has a Chinese label for every reason', () => {
    for (const reason of SEND_FAILURE_REASONS) expect(SEND_FAILURE_LABELS[reason]).toMatch(/[\u4e00-\u9fff]/);
  });
});
