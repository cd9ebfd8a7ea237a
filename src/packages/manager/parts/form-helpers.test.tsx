import { hasHints, priceHint, rowsProblem, shanghaiClock, shanghaiInstant, stockHint, titleAndWindow, wholeNumber, windowInstants, yuanToFen } from './form-helpers';

describe('form helpers', () => {
  it('reads typed yuan as fen and refuses what is not a price', () => {
    expect(yuanToFen('99')).toBe(9900);
    expect(yuanToFen(' 19.9 ')).toBe(1990);
    expect(yuanToFen('0')).toBe(0);
    expect(yuanToFen('1.234')).toBeNull();
    expect(yuanToFen('-5')).toBeNull();
    expect(yuanToFen('')).toBeNull();
  });

  it('reads whole numbers only', () => {
    expect(wholeNumber(' 12 ')).toBe(12);
    expect(wholeNumber('1.5')).toBeNull();
    expect(wholeNumber('')).toBeNull();
  });

  it('takes dates and times as Shanghai time, whatever the zone', () => {
    expect(shanghaiInstant('2026-12-06', '20:00')).toBe(Date.UTC(2026, 11, 6, 12, 0));
    expect(shanghaiClock(Date.UTC(2026, 11, 6, 16, 5))).toBe('00:05');
  });

  it('gives the window in ms or the problem to show', () => {
    const span = { startDate: '2026-12-06', startTime: '20:00', endDate: '2026-12-06', endTime: '22:00' };
    expect(windowInstants(span)).toEqual({ ok: true, startsAt: Date.UTC(2026, 11, 6, 12), endsAt: Date.UTC(2026, 11, 6, 14) });
    expect(windowInstants({ ...span, endTime: '20:00' })).toEqual({ ok: false, error: '结束时间应晚于开始时间' });
    expect(windowInstants({ ...span, startDate: '' })).toEqual({ ok: false, error: '请选择开始和结束时间' });
  });

  it('says whether any hint is left', () => {
    expect(hasHints({})).toBe(false);
    expect(hasHints({ stock: '秒杀库存应为正整数' })).toBe(true);
  });

  it('names the field in price and stock hints', () => {
    expect(priceHint('', 12900, '拼团价')).toBe('请填写拼团价');
    expect(priceHint('9.999', 12900, '拼团价')).toBe('价格格式不正确，最多两位小数');
    expect(priceHint('0', 12900, '秒杀价')).toBe('秒杀价应大于0');
    expect(priceHint('129', 12900, '秒杀价')).toBe('应低于原价¥129.00');
    expect(priceHint('99', 12900, '秒杀价')).toBeNull();
    expect(stockHint('0', 5, '秒杀库存')).toBe('秒杀库存应为正整数');
    expect(stockHint('6', 5, '拼团库存')).toBe('不能超过现有库存5件');
    expect(stockHint('5', 5, '拼团库存')).toBeNull();
  });

  it('gives the first row problem by its label', () => {
    const hintsOf = (row: { label: string; bad: boolean }) => (row.bad ? { stock: '秒杀库存应为正整数' } : {});
    expect(rowsProblem([], hintsOf)).toBe('请至少添加一个商品规格');
    expect(rowsProblem([{ label: 'T恤 白色 / M', bad: false }], hintsOf)).toBeNull();
    expect(rowsProblem([{ label: 'A', bad: false }, { label: 'T恤 白色 / L', bad: true }], hintsOf)).toBe('「T恤 白色 / L」秒杀库存应为正整数');
  });

  it('checks the name before the window', () => {
    const form = { title: ' 周五专场 ', startDate: '2026-12-06', startTime: '20:00', endDate: '2026-12-06', endTime: '22:00' };
    expect(titleAndWindow({ ...form, title: ' ' }, '请填写秒杀名称')).toEqual({ ok: false, error: '请填写秒杀名称' });
    expect(titleAndWindow({ ...form, endTime: '19:00' }, '请填写秒杀名称')).toEqual({ ok: false, error: '结束时间应晚于开始时间' });
    expect(titleAndWindow(form, '请填写秒杀名称')).toEqual({ ok: true, fields: { title: '周五专场', startsAt: Date.UTC(2026, 11, 6, 12), endsAt: Date.UTC(2026, 11, 6, 14) } });
  });
});
