/**
 * Manager: build a campaign. The audience builder adds tag conditions from the tag vocabulary,
 * joins them with 且 / 或 and negates any with 非, and shows the live 人群规模 and 可触达 counts.
 * The composer fills the template's fields and the landing page, warns about banned words as
 * they are typed, and sends now or at a chosen time.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { Input, Picker, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import { addDays, dayKey } from '@/domain/business-day';
import { UNREACHABLE_LABELS } from '@/domain/push/reachability';
import { pushService, type AudiencePreview, type CampaignInput, type Vocabulary } from '@/services/push';
import { ManagerGate } from '../manager-gate';
import { managerCampaignUrl } from '../routes';
import { KIND_LABELS, formToRule, ruleToForm, type AudienceForm, type ConditionKind } from './audience-form';
import './index.scss';

const LANDING_PAGES = [
  { label: '首页', path: 'pages/home/index' },
  { label: '商品详情', path: 'packages/product/index/index?id=' },
  { label: '会员中心', path: 'packages/member/index/index' },
  { label: '门店', path: 'packages/store/index/index' },
  { label: '拼团', path: 'packages/groupbuy/index/index' },
];

const FIELD_HINTS: Record<string, string> = { thing: '事项，20字以内', time: '时间，如 11月30日前', phrase: '短语，5字以内', amount: '金额，如 ¥40', character_string: '编号，32位以内', name: '姓名，10字以内' };
const FIELD_NAMES: Record<string, string> = { thing: '内容', time: '时间', date: '日期', phrase: '状态', amount: '金额', character_string: '编号', name: '姓名', number: '数字' };
const hintFor = (field: string) => FIELD_HINTS[field.replace(/\d+$/, '')] ?? '';
/** thing2 -> 内容2: the keyword kind in Chinese, its number kept so two of a kind stay apart. */
const nameFor = (field: string) => `${FIELD_NAMES[field.replace(/\d+$/, '')] ?? field.replace(/\d+$/, '')}${field.match(/\d+$/)?.[0] ?? ''}`;
const withoutCampaignId = (page: string) => page.replace(/[?&]campaignId=[^&]*/, '').replace(/\?$/, '');

export default function CampaignEditPage() {
  const { params } = useRouter();
  const [campaignId, setCampaignId] = useState<string | undefined>(params.id);
  const [vocab, setVocab] = useState<Vocabulary | null>(null);
  const [name, setName] = useState('');
  const [form, setForm] = useState<AudienceForm>({ join: 'and', conditions: [] });
  const [picking, setPicking] = useState<ConditionKind>('tag');
  const [templateKey, setTemplateKey] = useState('marketing');
  const [fields, setFields] = useState<Record<string, string>>({});
  const [page, setPage] = useState('pages/home/index');
  const [preview, setPreview] = useState<AudiencePreview | null>(null);
  const [previewError, setPreviewError] = useState<string | null>(null);
  const [warning, setWarning] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [date, setDate] = useState(addDays(dayKey(new Date()), 1));
  const [time, setTime] = useState('10:00');

  useEffect(() => {
    void pushService.vocabulary().then((r) => r.ok && setVocab(r.data));
    if (!params.id) return;
    void pushService.detail(params.id).then((r) => {
      if (!r.ok) return setError(r.message);
      const c = r.data.campaign;
      setName(c.name);
      setForm(ruleToForm(c.audience) ?? { join: 'and', conditions: [] });
      setTemplateKey(c.message.templateKey);
      setFields(c.message.fields);
      setPage(withoutCampaignId(c.message.page));
    });
  }, [params.id]);

  const template = vocab?.templates.find((t) => t.key === templateKey);
  const rule = useMemo(() => formToRule(form), [form]);

  // Live counts, a moment after the last change so a burst of taps makes one request.
  const previewSeq = useRef(0);
  useEffect(() => {
    const seq = ++previewSeq.current;
    const timer = setTimeout(() => {
      void pushService.audiencePreview(rule, templateKey).then((r) => {
        if (seq !== previewSeq.current) return;
        if (!r.ok) return setPreviewError(r.message);
        setPreviewError(null);
        setPreview(r.data);
      });
    }, 300);
    return () => clearTimeout(timer);
  }, [rule, templateKey]);

  useEffect(() => {
    const timer = setTimeout(() => {
      void pushService.checkContent({ name, templateKey, fields }).then((r) => r.ok && setWarning(r.data.message));
    }, 400);
    return () => clearTimeout(timer);
  }, [name, templateKey, fields]);

  const values: Record<ConditionKind, { value: string; label: string }[]> = {
    tag: (vocab?.tags ?? []).map((t) => ({ value: t, label: t })),
    interest: (vocab?.interests ?? []).map((t) => ({ value: t, label: t })),
    segment: (vocab?.segments ?? []).map((t) => ({ value: t, label: t })),
    tier: (vocab?.tiers ?? []).map((t) => ({ value: t.id, label: t.name })),
    tierAtLeast: (vocab?.tiers ?? []).map((t) => ({ value: t.id, label: `${t.name}及以上` })),
    city: (vocab?.cities ?? []).map((t) => ({ value: t, label: t })),
    store: (vocab?.stores ?? []).map((s) => ({ value: s.id, label: s.name })),
  };
  const labelOf = (kind: ConditionKind, value: string) => values[kind].find((v) => v.value === value)?.label ?? value;

  const addCondition = (kind: ConditionKind, value: string) =>
    setForm((f) => (f.conditions.some((c) => c.kind === kind && c.value === value) ? f : { ...f, conditions: [...f.conditions, { kind, value, negate: false }] }));
  const toggleNot = (i: number) => setForm((f) => ({ ...f, conditions: f.conditions.map((c, j) => (j === i ? { ...c, negate: !c.negate } : c)) }));
  const remove = (i: number) => setForm((f) => ({ ...f, conditions: f.conditions.filter((_, j) => j !== i) }));

  const input = (): CampaignInput => ({
    name,
    audience: rule,
    message: { templateKey, fields: Object.fromEntries((template?.fields ?? []).map((k) => [k, fields[k] ?? ''])), page },
  });

  const save = async (): Promise<string | null> => {
    const reply = campaignId ? await pushService.update(campaignId, input()) : await pushService.create(input());
    if (!reply.ok) {
      setError(reply.message);
      return null;
    }
    setError(null);
    setCampaignId(reply.data.campaign.id);
    return reply.data.campaign.id;
  };

  const run = async (action: 'draft' | 'now' | 'schedule') => {
    setBusy(true);
    try {
      const id = await save();
      if (!id) return;
      if (action === 'draft') {
        void Taro.showToast({ title: '已保存草稿', icon: 'success' });
        return;
      }
      const reply = action === 'now' ? await pushService.sendNow(id) : await pushService.schedule(id, `${date}T${time}:00+08:00`);
      if (!reply.ok) return setError(reply.message);
      void Taro.showToast({ title: reply.data.deferred ? '免打扰时段，将于8:00发送' : action === 'now' ? '已开始发送' : '已定时', icon: 'none' });
      void Taro.redirectTo({ url: managerCampaignUrl(id) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <ManagerGate>
      <View className="page campaign-edit">
        <View className="edit-card">
          <Text className="edit-card__title">活动名称</Text>
          <Input className="edit-card__input" placeholder="如：秋冬新品上新提醒" value={name} maxlength={30} onInput={(e) => setName(e.detail.value)} />
        </View>

        <View className="edit-card">
          <Text className="edit-card__title">目标人群</Text>
          <View className="audience-counts">
            <View className="audience-counts__item">
              <Text className="audience-counts__value">{preview ? preview.size : '—'}</Text>
              <Text className="audience-counts__label">人群规模</Text>
            </View>
            <View className="audience-counts__item">
              <Text className="audience-counts__value audience-counts__value--accent">{preview ? preview.reachable : '—'}</Text>
              <Text className="audience-counts__label">可触达</Text>
            </View>
          </View>
          {preview ? (
            <Text className="audience-counts__why">
              {(Object.keys(preview.unreachable) as (keyof AudiencePreview['unreachable'])[])
                .filter((k) => preview.unreachable[k] > 0)
                .map((k) => `${UNREACHABLE_LABELS[k]} ${preview.unreachable[k]}`)
                .join(' · ') || '全部可触达'}
            </Text>
          ) : null}
          {previewError ? <Text className="edit-card__error">{previewError}</Text> : null}
          <Text className="audience-text">{preview?.description ?? '全部用户'}</Text>

          <View className="join">
            <Text className="join__label">条件之间</Text>
            {(['and', 'or'] as const).map((j) => (
              <Text key={j} className={`chip ${form.join === j ? 'chip--on' : ''}`} onClick={() => setForm((f) => ({ ...f, join: j }))}>
                {j === 'and' ? '且（同时满足）' : '或（满足其一）'}
              </Text>
            ))}
          </View>
          {form.conditions.length === 0 ? <Text className="edit-card__hint">未添加条件：发给全部用户</Text> : null}
          {form.conditions.map((c, i) => (
            <View key={`${c.kind}:${c.value}`} className="condition">
              {i > 0 ? <Text className="condition__join">{form.join === 'and' ? '且' : '或'}</Text> : null}
              <Text className={`condition__not ${c.negate ? 'condition__not--on' : ''}`} onClick={() => toggleNot(i)}>
                非
              </Text>
              <Text className="condition__text">
                {KIND_LABELS[c.kind]}：{labelOf(c.kind, c.value)}
              </Text>
              <Text className="condition__remove" onClick={() => remove(i)}>
                删除
              </Text>
            </View>
          ))}
          <Text className="edit-card__sub">添加条件</Text>
          <View className="chips">
            {(Object.keys(KIND_LABELS) as ConditionKind[]).map((k) => (
              <Text key={k} className={`chip chip--kind ${picking === k ? 'chip--on' : ''}`} onClick={() => setPicking(k)}>
                {KIND_LABELS[k]}
              </Text>
            ))}
          </View>
          <View className="chips">
            {values[picking].length === 0 ? <Text className="edit-card__hint">暂无可选值</Text> : null}
            {values[picking].map((v) => (
              <Text key={v.value} className="chip chip--value" onClick={() => addCondition(picking, v.value)}>
                + {v.label}
              </Text>
            ))}
          </View>
        </View>

        <View className="edit-card">
          <Text className="edit-card__title">消息内容</Text>
          <View className="chips">
            {(vocab?.templates ?? []).map((t) => (
              <Text key={t.key} className={`chip ${templateKey === t.key ? 'chip--on' : ''}`} onClick={() => setTemplateKey(t.key)}>
                {t.title}
              </Text>
            ))}
          </View>
          {(template?.fields ?? []).map((f) => (
            <View key={f} className="field">
              <Text className="field__label">{nameFor(f)}</Text>
              <Input className="field__input" placeholder={hintFor(f)} value={fields[f] ?? ''} onInput={(e) => setFields((all) => ({ ...all, [f]: e.detail.value }))} />
            </View>
          ))}
          {warning ? <Text className="edit-card__warning">{warning}</Text> : null}
          <Text className="edit-card__sub">落地页</Text>
          <View className="chips">
            {LANDING_PAGES.map((p) => (
              <Text key={p.label} className={`chip ${page.split('?')[0] === p.path.split('?')[0] ? 'chip--on' : ''}`} onClick={() => setPage(p.path)}>
                {p.label}
              </Text>
            ))}
          </View>
          <Input className="field__input field__input--page" value={page} onInput={(e) => setPage(e.detail.value)} />
          <Text className="edit-card__hint">链接会自动带上活动编号，用于统计落地访问与成交</Text>
        </View>

        <View className="edit-card">
          <Text className="edit-card__title">发送</Text>
          <Text className="edit-card__hint">每人每天最多1条、近7天最多3条营销消息；22:00-08:00 免打扰，期间的发送顺延到 8:00</Text>
          {error ? <Text className="edit-card__error">{error}</Text> : null}
          <Button type="primary" block loading={busy} disabled={busy || warning !== ''} onClick={() => void run('now')}>
            立即发送
          </Button>
          <View className="schedule">
            <Picker mode="date" value={date} start={dayKey(new Date())} onChange={(e) => setDate(e.detail.value)}>
              <Text className="schedule__pick">{date}</Text>
            </Picker>
            <Picker mode="time" value={time} onChange={(e) => setTime(e.detail.value)}>
              <Text className="schedule__pick">{time}</Text>
            </Picker>
            <Button size="small" disabled={busy || warning !== ''} onClick={() => void run('schedule')}>
              定时发送
            </Button>
          </View>
          <Button fill="none" block disabled={busy} onClick={() => void run('draft')}>
            保存草稿
          </Button>
        </View>
      </View>
    </ManagerGate>
  );
}
