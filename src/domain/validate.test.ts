import { AppError } from './reply';
import { parse, v, ValidationError } from './validate';

const address = v.object({
  name: v.string({ min: 1, max: 20, label: '收件人' }),
  phone: v.string({ pattern: /^1\d{10}$/, label: '手机号' }),
  quantity: v.int({ min: 1, max: 99, label: '数量' }),
  method: v.oneOf(['express', 'pickup'] as const, { label: '配送方式' }),
  note: v.optional(v.string({ max: 50, label: '备注' })),
});

describe('validate', () => {
  it('returns the cleaned input and drops unknown keys', () => {
    const out = parse(address, { name: ' 林 ', phone: '13800000000', quantity: 2, method: 'pickup', openid: 'x', role: 'manager' });
    expect(out).toEqual({ name: '林', phone: '13800000000', quantity: 2, method: 'pickup' });
  });

  it('names the field in Chinese when input is wrong', () => {
    const attempt = () => parse(address, { name: '', phone: '123', quantity: 1, method: 'pickup' });
    expect(attempt).toThrow(ValidationError);
    expect(attempt).toThrow('收件人不能为空');
    try {
      parse(address, { name: '林', phone: '123', quantity: 1, method: 'pickup' });
    } catch (e) {
      expect(e).toBeInstanceOf(AppError);
      expect((e as AppError).code).toBe('INVALID_INPUT');
      expect((e as AppError).message).toBe('手机号格式不正确');
    }
  });

  it('rejects fractions, out-of-range numbers and unknown choices', () => {
    const base = { name: '林', phone: '13800000000', method: 'pickup' };
    expect(() => parse(address, { ...base, quantity: 1.5 })).toThrow('数量应为整数');
    expect(() => parse(address, { ...base, quantity: 100 })).toThrow('数量不能大于99');
    expect(() => parse(address, { ...base, quantity: 1, method: 'drone' })).toThrow('配送方式不在可选范围内');
    expect(() => parse(address, null)).toThrow('格式不正确');
  });

  it('checks each item of a list', () => {
    const ids = v.array(v.string({ min: 1 }), { min: 1, max: 2, label: '商品' });
    expect(parse(ids, ['a', 'b'])).toEqual(['a', 'b']);
    expect(() => parse(ids, [])).toThrow('商品不能为空');
    expect(() => parse(ids, ['a', 'b', 'c'])).toThrow('商品不能超过2项');
    expect(() => parse(ids, ['a', 5])).toThrow('商品[2]应为文本');
  });
});
