/**
 * The staff workspace at the counter: redeem a store coupon (scan on weapp, or type the 8-digit
 * code) with a preview to confirm first, verify a pickup code, and today's work. The server checks
 * the staff role and store on every call; this page only decides what to offer.
 */
import { useEffect, useState } from 'react';
import { Input, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import { Lock, Scan as ScanIcon } from '@nutui/icons-react-taro';
import { EmptyState } from '@/components/empty-state';
import { classifyScan, PICKUP_CODE_PATTERN } from '@/domain/coupon-token';
import { formatFen } from '@/domain/money';
import { tabs } from '@/packages/routes';
import { staffService, type CouponPreview, type Redemption, type Scan, type TodayWork, type VerifiedPickup } from '@/services/staff';
import { useSession } from '@/stores/session';
import './index.scss';

type Panel = 'coupon' | 'pickup' | 'today';

const time = (iso: string) => new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(iso));
const date = (iso: string) => new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', month: 'numeric', day: 'numeric' }).format(new Date(iso));

function CouponPanel() {
  const [text, setText] = useState('');
  const [scan, setScan] = useState<Scan | null>(null);
  const [preview, setPreview] = useState<CouponPreview | null>(null);
  const [done, setDone] = useState<Redemption | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const reset = () => {
    setScan(null);
    setPreview(null);
    setDone(null);
    setError(null);
    setText('');
  };

  const look = async (raw: string) => {
    const kind = classifyScan(raw);
    if (kind.kind === 'unknown') {
      setError('请输入8位券码，或扫描顾客的券码二维码');
      return;
    }
    const next: Scan = kind.kind === 'token' ? { token: kind.token } : { code: kind.code };
    setBusy(true);
    setError(null);
    setDone(null);
    const reply = await staffService.preview(next);
    setBusy(false);
    if (!reply.ok) {
      setPreview(null);
      setError(reply.message);
      return;
    }
    setScan(next);
    setPreview(reply.data.coupon);
  };

  const scanQr = async () => {
    try {
      const res = await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] });
      await look(res.result);
    } catch {
      // Cancelled: nothing to do.
    }
  };

  const confirm = async () => {
    if (!scan) return;
    setBusy(true);
    const reply = await staffService.redeem(scan);
    setBusy(false);
    if (!reply.ok) {
      setError(reply.message);
      setPreview(null);
      return;
    }
    setPreview(null);
    setDone(reply.data.redemption);
  };

  return (
    <View className="staff-panel">
      {process.env.TARO_ENV === 'weapp' ? (
        <Button type="primary" block size="large" icon={<ScanIcon size={18} />} onClick={() => void scanQr()}>
          扫码核销
        </Button>
      ) : null}
      <Text className="staff-panel__label">手动输入券码</Text>
      <View className="staff-panel__entry">
        <Input
          className="staff-panel__input"
          type="number"
          maxlength={9}
          placeholder="8位券码"
          value={text}
          onInput={(e) => setText(e.detail.value)}
          onConfirm={() => void look(text)}
        />
        <Button type="primary" loading={busy && !preview} onClick={() => void look(text)}>
          查询
        </Button>
      </View>

      {error ? <Text className="staff-panel__error">{error}</Text> : null}

      {preview ? (
        <View className="staff-card">
          <Text className="staff-card__eyebrow">请与顾客确认</Text>
          <View className="staff-card__value">
            <Text className="staff-card__number">
              {preview.faceUnit === '元' ? '¥' : ''}
              {preview.faceValue}
              {preview.faceUnit === '折' ? '折' : ''}
            </Text>
            <Text className="staff-card__rule">{preview.ruleText}</Text>
          </View>
          <Text className="staff-card__title">{preview.title}</Text>
          <View className="staff-card__rows">
            <Text>顾客：{preview.customer.name}{preview.customer.phone ? `  ${preview.customer.phone}` : ''}</Text>
            <Text>有效期：{date(preview.validFrom)} - {date(preview.validTo)}</Text>
            <Text>{preview.scopeText} · {preview.channelText}{preview.cashbackPoints > 0 ? ` · 核销返${preview.cashbackPoints}积分` : ''}</Text>
          </View>
          <View className="staff-card__actions">
            <Button fill="outline" onClick={reset}>
              取消
            </Button>
            <Button type="primary" loading={busy} onClick={() => void confirm()}>
              确认核销
            </Button>
          </View>
        </View>
      ) : null}

      {done ? (
        <View className="staff-card staff-card--done">
          <Text className="staff-card__ok">核销成功</Text>
          <Text className="staff-card__title">{done.title}</Text>
          <View className="staff-card__rows">
            <Text>顾客：{done.customer.name}</Text>
            <Text>时间：{time(done.redeemedAt)}</Text>
            {done.cashbackCredited > 0 ? <Text>已为顾客返还 {done.cashbackCredited} 积分</Text> : null}
          </View>
          <Button type="primary" fill="outline" block onClick={reset}>
            继续核销
          </Button>
        </View>
      ) : null}
    </View>
  );
}

function PickupPanel() {
  const [code, setCode] = useState('');
  const [done, setDone] = useState<VerifiedPickup | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const verify = async () => {
    const clean = code.replace(/\s/g, '');
    if (!PICKUP_CODE_PATTERN.test(clean)) {
      setError('提货码为6位数字');
      return;
    }
    const sure = await Taro.showModal({ title: '确认提货', content: `确认顾客已取走提货码 ${clean} 的商品？` });
    if (!sure.confirm) return;
    setBusy(true);
    setError(null);
    const reply = await staffService.verifyPickup(clean);
    setBusy(false);
    if (!reply.ok) {
      setDone(null);
      setError(reply.message);
      return;
    }
    setDone(reply.data.pickup);
    setCode('');
  };

  return (
    <View className="staff-panel">
      <Text className="staff-panel__label">顾客出示的6位提货码</Text>
      <View className="staff-panel__entry">
        <Input className="staff-panel__input" type="number" maxlength={6} placeholder="提货码" value={code} onInput={(e) => setCode(e.detail.value)} />
        <Button type="primary" loading={busy} onClick={() => void verify()}>
          核验提货
        </Button>
      </View>
      {error ? <Text className="staff-panel__error">{error}</Text> : null}
      {done ? (
        <View className="staff-card staff-card--done">
          <Text className="staff-card__ok">提货完成</Text>
          <View className="staff-card__rows">
            <Text>订单：{done.orderId}</Text>
            <Text>顾客：{done.customer.name}{done.customer.phone ? `  ${done.customer.phone}` : ''}</Text>
            {done.items.map((it) => (
              <Text key={`${it.title}${it.specText}`}>
                {it.title} {it.specText} ×{it.quantity}
              </Text>
            ))}
            <Text>实付：{formatFen(done.amount)}</Text>
            {done.remark ? <Text>备注：{done.remark}</Text> : null}
          </View>
        </View>
      ) : null}
    </View>
  );
}

function TodayPanel() {
  const [work, setWork] = useState<TodayWork | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    void staffService.today().then((reply) => (reply.ok ? setWork(reply.data) : setError(reply.message)));
  }, []);
  if (error) return <Text className="staff-panel__error">{error}</Text>;
  if (!work) return <Text className="staff-panel__label">正在加载…</Text>;
  return (
    <View className="staff-panel">
      <View className="staff-totals">
        <View className="staff-totals__cell">
          <Text className="staff-totals__number">{work.totals.redemptions}</Text>
          <Text className="staff-totals__label">核销券</Text>
        </View>
        <View className="staff-totals__cell">
          <Text className="staff-totals__number">{work.totals.cashbackPoints}</Text>
          <Text className="staff-totals__label">返积分</Text>
        </View>
        <View className="staff-totals__cell">
          <Text className="staff-totals__number">{work.totals.pickups}</Text>
          <Text className="staff-totals__label">自提单</Text>
        </View>
        <View className="staff-totals__cell">
          <Text className="staff-totals__number">{formatFen(work.totals.pickupAmount, { trimZeros: true, symbol: false })}</Text>
          <Text className="staff-totals__label">自提金额(元)</Text>
        </View>
      </View>
      <Text className="staff-panel__label">核销记录</Text>
      {work.redemptions.length === 0 ? <Text className="staff-list__empty">今天还没有核销</Text> : null}
      {work.redemptions.map((r) => (
        <View key={r.userCouponId} className="staff-list__row">
          <Text className="staff-list__time">{time(r.at)}</Text>
          <Text className="staff-list__main">{r.title}</Text>
          <Text className="staff-list__side">{r.customer}{r.byMe ? ' · 我' : ''}</Text>
        </View>
      ))}
      <Text className="staff-panel__label">自提记录</Text>
      {work.pickups.length === 0 ? <Text className="staff-list__empty">今天还没有自提</Text> : null}
      {work.pickups.map((p) => (
        <View key={p.orderId} className="staff-list__row">
          <Text className="staff-list__time">{time(p.at)}</Text>
          <Text className="staff-list__main">{p.orderId} · {p.itemCount}件</Text>
          <Text className="staff-list__side">{p.customer}{p.byMe ? ' · 我' : ''}</Text>
        </View>
      ))}
    </View>
  );
}

const PANELS: { key: Panel; label: string }[] = [
  { key: 'coupon', label: '核销券' },
  { key: 'pickup', label: '自提核验' },
  { key: 'today', label: '今日核销' },
];

export default function StaffPage() {
  const { status, roles, staff, login } = useSession();
  const [panel, setPanel] = useState<Panel>('coupon');
  useEffect(() => {
    if (useSession.getState().status === 'idle') void login();
  }, [login]);

  if (status === 'idle' || status === 'loading') return <View className="page"><Text className="staff-panel__label">正在确认身份…</Text></View>;
  if (!roles.includes('staff') || !staff) {
    return (
      <View className="page">
        <EmptyState icon={<Lock size={32} />} title="仅限门店员工使用" description="核销工作台需要门店员工身份，如需开通请联系店长" actionText="返回首页" onAction={() => void Taro.switchTab({ url: tabs.home })} />
      </View>
    );
  }
  return (
    <View className="page page--flush staff-page">
      <View className="staff-page__hero">
        <Text className="staff-page__eyebrow">COUNTER</Text>
        <Text className="staff-page__title">门店核销台</Text>
        <Text className="staff-page__summary">{staff.name} · 每张券只会被核销一次</Text>
      </View>
      <View className="staff-page__tabs">
        {PANELS.map((p) => (
          <Text key={p.key} className={`staff-page__tab ${panel === p.key ? 'staff-page__tab--on' : ''}`} onClick={() => setPanel(p.key)}>
            {p.label}
          </Text>
        ))}
      </View>
      <View className="staff-page__body">
        {panel === 'coupon' ? <CouponPanel /> : panel === 'pickup' ? <PickupPanel /> : <TodayPanel />}
      </View>
    </View>
  );
}
