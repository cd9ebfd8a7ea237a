import { zheLabel } from './zhe';

describe('zheLabel', () => {
  it.each([
    [95, '9.5折'],
    [90, '9折'],
    [98, '9.8折'],
    [85, '8.5折'],
    [50, '5折'],
    [5, '0.5折'],
    [1, '0.1折'],
    [99, '9.9折'],
  ])('%i%% paid reads %s', (percent, label) => {
    expect(zheLabel(percent)).toBe(label);
  });

  it('refuses percentages that are not a discount', () => {
    for (const p of [0, 100, 101, -5, 9.5]) expect(() => zheLabel(p)).toThrow(RangeError);
  });
});
