/**
 * A store coupon's QR code for the counter. The signed token rotates with the server's window (a
 * screenshot goes stale), with a countdown to the next one; the 8-digit short code under it is for
 * typing when the scan fails. While open the page polls the coupon, so it turns to 已核销 with the
 * points credited the moment staff redeem it.
 */
import { useEffect, useRef, useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import { QrCode } from '@/components/qr-code';
import { groupShortCode } from '@/domain/coupon-token';
import { couponsService, type CouponDetail, type CouponToken } from '@/services/coupons';
import { clockTime, shortDate } from '../coupon-ticket';
import { storeRoutes } from '../routes';
import './index.scss';

const POLL_MS = 3000;

export default function CouponQrPage() {
  const { params } = useRouter();
  const id = params.id ?? '';
  const [coupon, setCoupon] = useState<CouponDetail | null>(null);
  const [token, setToken] = useState<CouponToken | null>(null);
  const [secondsLeft, setSecondsLeft] = useState(0);
  const [error, setError] = useState<string | null>(null);
  /** server clock minus device clock, so a wrong phone clock cannot show a stale code as fresh. */
  const skew = useRef(0);
  const fetching = useRef(false);

  const loadDetail = async () => {
    const reply = await couponsService.detail(id);
    if (reply.ok) setCoupon(reply.data.coupon);
    else setError(reply.message);
    return reply.ok ? reply.data.coupon : null;
  };

  const refreshToken = async () => {
    if (fetching.current) return;
    fetching.current = true;
    const reply = await couponsService.token(id);
    fetching.current = false;
    if (!reply.ok) {
      setToken(null);
      // Used or expired meanwhile: the detail says which.
      void loadDetail();
      return;
    }
    skew.current = new Date(reply.data.serverNow).getTime() - Date.now();
    setToken(reply.data);
  };

  useEffect(() => {
    if (!id) return;
    void loadDetail().then((c) => {
      if (c && c.status === 'unused' && c.channel !== 'online') void refreshToken();
    });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [id]);

  const live = coupon?.status === 'unused' && coupon.channel !== 'online';

  // The countdown, and a new token when the window turns.
  useEffect(() => {
    if (!live || !token) return undefined;
    const tick = () => {
      const left = Math.ceil((new Date(token.refreshAt).getTime() - (Date.now() + skew.current)) / 1000);
      setSecondsLeft(Math.max(0, left));
      if (left <= 0) void refreshToken();
    };
    tick();
    const timer = setInterval(tick, 1000);
    return () => clearInterval(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [live, token]);

  // Watching for the redemption.
  useEffect(() => {
    if (!live) return undefined;
    const timer = setInterval(() => void loadDetail(), POLL_MS);
    return () => clearInterval(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [live]);

  if (error) return <View className="page"><Text className="coupon-qr__note">{error}</Text></View>;
  if (!coupon) return <View className="page"><Text className="coupon-qr__note">正在加载…</Text></View>;

  const used = coupon.status === 'used';
  const veil = used ? '已核销' : coupon.status === 'expired' ? '已过期' : coupon.status === 'locked' ? '已占用' : undefined;
  const where = coupon.storeNames.length > 0 ? `限${coupon.storeNames.join('、')}使用` : '全国门店可用';

  return (
    <View className="page page--flush coupon-qr">
      <View className="coupon-qr__card">
        <Text className="coupon-qr__eyebrow">到店出示 · 店员扫码核销</Text>
        <Text className="coupon-qr__title">{coupon.title}</Text>
        <Text className="coupon-qr__rule">
          {coupon.ruleText} · {where}
        </Text>
        <View className="coupon-qr__code">
          <QrCode value={live && token ? token.token : `weave:${coupon.id}`} size={220} veil={veil ?? (live && !token ? '加载中' : undefined)} />
        </View>
        {live ? (
          <>
            <Text className="coupon-qr__countdown">{token ? `${secondsLeft}秒后自动刷新，截图无效` : '正在生成券码…'}</Text>
            <Text className="coupon-qr__short-label">扫码失败时，请店员输入券码</Text>
            <Text className="coupon-qr__short" data-testid="short-code">
              {token ? groupShortCode(token.shortCode) : '---- ----'}
            </Text>
          </>
        ) : null}
        {used ? (
          <View className="coupon-qr__done">
            <Text className="coupon-qr__done-title">已核销</Text>
            <Text className="coupon-qr__done-line">
              {coupon.usedStoreName ?? '门店'} · {coupon.usedAt ? `${shortDate(coupon.usedAt)} ${clockTime(coupon.usedAt)}` : ''}
            </Text>
            {coupon.cashbackCredited > 0 ? <Text className="coupon-qr__points">+{coupon.cashbackCredited} 积分已到账</Text> : null}
          </View>
        ) : null}
        {coupon.status === 'expired' ? <Text className="coupon-qr__note">该券已过期</Text> : null}
        <Text className="coupon-qr__valid">
          有效期 {shortDate(coupon.validFrom)} - {shortDate(coupon.validTo)}
          {coupon.cashbackPoints > 0 && !used ? ` · 核销返${coupon.cashbackPoints}积分` : ''}
        </Text>
      </View>
      <View className="coupon-qr__actions">
        <Button fill="outline" block onClick={() => void Taro.redirectTo({ url: storeRoutes.mine })}>
          我的优惠券
        </Button>
      </View>
    </View>
  );
}
