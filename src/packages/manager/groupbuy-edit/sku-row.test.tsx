import { useState } from 'react';
import { fireEvent, render, screen } from '@testing-library/react';
import { durationText, settingHints, toActivityInput, type ActivityForm, type SkuDraft } from './activity-form';
import { SkuRow } from './sku-row';

const draft: SkuDraft = { skuId: 'p002-white-m', label: '重磅纯棉圆领T恤 白色 / M', price: 12_900, skuStock: 30, groupPriceYuan: '99', stock: '20' };

function Harness({ initial = draft }: { initial?: SkuDraft }) {
  const [sku, setSku] = useState(initial);
  return <SkuRow sku={sku} onChange={(patch) => setSku((s) => ({ ...s, ...patch }))} onRemove={() => undefined} />;
}

const type = (placeholder: string, value: string) => fireEvent.change(screen.getByPlaceholderText(placeholder), { target: { value } });

describe('a SKU row of the 新建拼团 form', () => {
  it('reads the price in yuan and shows it back with the saving per unit', () => {
    render(<Harness />);
    expect(screen.getByText('原价 ¥129.00 · 现有库存 30 件')).toBeTruthy();
    expect(screen.getByText('拼团价 ¥99.00 · 每件省¥30.00')).toBeTruthy();
    type('如 99', '89.9');
    expect(screen.getByText('拼团价 ¥89.90 · 每件省¥39.10')).toBeTruthy();
  });

  it('shows what is wrong beside the fields as they are typed', () => {
    render(<Harness />);
    type('如 99', '129');
    expect(screen.getByText('应低于原价¥129.00')).toBeTruthy();
    type('如 99', '9.999');
    expect(screen.getByText('价格格式不正确，最多两位小数')).toBeTruthy();
    type('件', '31');
    expect(screen.getByText('不能超过现有库存30件')).toBeTruthy();
    type('件', '0');
    expect(screen.getByText('拼团库存应为正整数')).toBeTruthy();
    type('如 99', '79');
    type('件', '30');
    expect(screen.queryByText(/不能超过|应为|应低于|不正确/)).toBeNull();
  });
});

describe('the form as sent', () => {
  const form: ActivityForm = {
    title: ' 纯棉T恤 3人团 ',
    startDate: '2026-12-06',
    startTime: '20:00',
    endDate: '2026-12-13',
    endTime: '20:00',
    groupSize: '3',
    limitHours: '1',
    limitMinutes: '30',
    perUserLimit: '2',
    skus: [{ ...draft, groupPriceYuan: '99.5' }],
  };

  it('turns yuan into fen, hours and minutes into minutes, Shanghai time into epoch ms', () => {
    expect(toActivityInput(form)).toEqual({
      ok: true,
      input: {
        title: '纯棉T恤 3人团',
        startsAt: Date.UTC(2026, 11, 6, 12, 0),
        endsAt: Date.UTC(2026, 11, 13, 12, 0),
        groupSize: 3,
        timeLimitMinutes: 90,
        perUserLimit: 2,
        skus: [{ skuId: 'p002-white-m', groupPrice: 9_950, stock: 20 }],
      },
    });
    expect(toActivityInput({ ...form, limitHours: '', limitMinutes: '45' })).toMatchObject({ ok: true, input: { timeLimitMinutes: 45 } });
  });

  it('names the first problem instead of sending', () => {
    expect(toActivityInput({ ...form, title: ' ' })).toEqual({ ok: false, error: '请填写活动名称' });
    expect(toActivityInput({ ...form, endDate: '2026-12-06', endTime: '19:00' })).toEqual({ ok: false, error: '结束时间应晚于开始时间' });
    expect(toActivityInput({ ...form, groupSize: '1' })).toEqual({ ok: false, error: '成团人数应为2-10人' });
    expect(toActivityInput({ ...form, groupSize: '11' })).toEqual({ ok: false, error: '成团人数应为2-10人' });
    expect(toActivityInput({ ...form, limitHours: '0', limitMinutes: '5' })).toEqual({ ok: false, error: '成团时限应在10分钟到7天之间' });
    expect(toActivityInput({ ...form, limitHours: '169', limitMinutes: '0' })).toEqual({ ok: false, error: '成团时限应在10分钟到7天之间' });
    expect(toActivityInput({ ...form, limitMinutes: '60' })).toEqual({ ok: false, error: '成团时限格式不正确（分钟为0-59）' });
    expect(toActivityInput({ ...form, perUserLimit: '0' })).toEqual({ ok: false, error: '每人限购应为1-99件' });
    expect(toActivityInput({ ...form, skus: [] })).toEqual({ ok: false, error: '请至少添加一个商品规格' });
    expect(toActivityInput({ ...form, skus: [{ ...draft, groupPriceYuan: '200' }] })).toEqual({ ok: false, error: '「重磅纯棉圆领T恤 白色 / M」应低于原价¥129.00' });
  });

  it('reads durations back in words', () => {
    expect([durationText(10), durationText(90), durationText(1440), durationText(0)]).toEqual(['10分钟', '1小时30分钟', '24小时', '0分钟']);
    expect(settingHints(form)).toEqual({});
  });
});
