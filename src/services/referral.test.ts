import { resetTaroStorage } from '../../tests/support/taro-stub';
import { callFunction } from './cloud';
import { bindReferral, captureReferral, referralCode } from './referral';

jest.mock('./cloud', () => ({ callFunction: jest.fn() }));
const call = callFunction as jest.MockedFunction<typeof callFunction>;

beforeEach(() => {
  resetTaroStorage();
  call.mockReset();
  process.env.TARO_ENV = 'h5';
  window.location.hash = '';
});

describe('arriving with a referral code', () => {
  it('takes the code from a weapp scene (r%3DCODE) and remembers it for the order', () => {
    expect(captureReferral({ scene: 'r%3DLINQ8K2P' })).toBe(true);
    expect(referralCode()).toBe('LINQ8K2P');
    // The same code again is not news.
    expect(captureReferral({ scene: 'r=LINQ8K2P' })).toBe(false);
  });

  it('reads an h5 link: ?scene= inside the hash route', () => {
    window.location.hash = '#/pages/home/index?scene=ZHX7M3PA';
    expect(captureReferral(undefined)).toBe(true);
    expect(referralCode()).toBe('ZHX7M3PA');
  });

  it('ignores what is not a code', () => {
    expect(captureReferral({ scene: 'hello' })).toBe(false);
    expect(captureReferral({})).toBe(false);
    expect(referralCode()).toBeUndefined();
  });

  it('binds once after login, and tries again only when the network failed', async () => {
    captureReferral({ scene: 'LINQ8K2P' });
    call.mockResolvedValueOnce({ ok: false, code: 'NETWORK', message: '网络不太好' });
    await bindReferral();
    call.mockResolvedValueOnce({ ok: false, code: 'REFERRAL_ALREADY_BOUND', message: '你已接受过其他好友的邀请' });
    await bindReferral();
    await bindReferral();
    expect(call).toHaveBeenCalledTimes(2);
    expect(call).toHaveBeenLastCalledWith('referral', { action: 'bind', code: 'LINQ8K2P', source: 'poster' });
    // The code still rides on the order even when the binding was refused: attribution is not a reward.
    expect(referralCode()).toBe('LINQ8K2P');
  });
});
