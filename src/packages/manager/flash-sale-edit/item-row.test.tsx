import { useState } from 'react';
import { fireEvent, render, screen } from '@testing-library/react';
import { ItemRow } from './item-row';
import { toSaleInput, type ItemDraft, type SaleForm } from './sale-form';

const draft: ItemDraft = { skuId: 'p034-oat-m', label: '复古麻花针织开衫 燕麦 / M', price: 32_900, skuStock: 12, salePriceYuan: '199', stock: '10', perUserLimit: '1' };

function Harness({ initial = draft }: { initial?: ItemDraft }) {
  const [item, setItem] = useState(initial);
  return <ItemRow item={item} onChange={(patch) => setItem((i) => ({ ...i, ...patch }))} onRemove={() => undefined} />;
}

const type = (placeholder: string, value: string) => fireEvent.change(screen.getByPlaceholderText(placeholder), { target: { value } });

describe('a SKU row of the 新建秒杀 form', () => {
  it('reads the price in yuan and shows it back in fen-exact yuan with the discount', () => {
    render(<Harness />);
    expect(screen.getByText('原价 ¥329.00 · 现有库存 12 件')).toBeTruthy();
    expect(screen.getByText('秒杀价 ¥199.00 · 6折')).toBeTruthy();
    type('如 99', '99.9');
    expect(screen.getByText('秒杀价 ¥99.90 · 3折')).toBeTruthy();
  });

  it('shows what is wrong beside the fields as they are typed', () => {
    render(<Harness />);
    type('如 99', '329');
    expect(screen.getByText('应低于原价¥329.00')).toBeTruthy();
    type('如 99', '12.345');
    expect(screen.getByText('价格格式不正确，最多两位小数')).toBeTruthy();
    type('件', '13');
    expect(screen.getByText('不能超过现有库存12件')).toBeTruthy();
    type('1-10', '11');
    expect(screen.getByText('每人限购应为1-10件')).toBeTruthy();
    type('如 99', '150');
    type('件', '12');
    type('1-10', '2');
    expect(screen.queryByText(/不能超过|应为|应低于|不正确/)).toBeNull();
  });
});

describe('the form as sent', () => {
  const form: SaleForm = { title: ' 针织专场 ', startDate: '2026-12-06', startTime: '20:00', endDate: '2026-12-06', endTime: '22:00', items: [{ ...draft, salePriceYuan: '199.5', perUserLimit: '2' }] };

  it('turns yuan into fen and Shanghai time into epoch ms', () => {
    expect(toSaleInput(form)).toEqual({
      ok: true,
      input: { title: '针织专场', startsAt: Date.UTC(2026, 11, 6, 12, 0), endsAt: Date.UTC(2026, 11, 6, 14, 0), items: [{ skuId: 'p034-oat-m', salePrice: 19_950, stock: 10, perUserLimit: 2 }] },
    });
  });

  it('names the first problem instead of sending', () => {
    expect(toSaleInput({ ...form, endTime: '19:00' })).toEqual({ ok: false, error: '结束时间应晚于开始时间' });
    expect(toSaleInput({ ...form, items: [] })).toEqual({ ok: false, error: '请至少添加一个商品规格' });
    expect(toSaleInput({ ...form, items: [{ ...draft, salePriceYuan: '400' }] })).toEqual({ ok: false, error: '「复古麻花针织开衫 燕麦 / M」应低于原价¥329.00' });
  });
});
