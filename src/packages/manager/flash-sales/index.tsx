/**
 * Manager: every 限时秒杀, newest first, with its status by the server clock (未开始 / 进行中 /
 * 已结束), each SKU's 已售 / 秒杀库存, and 结束 (after a confirm) for a sale not yet over.
 */
import { useState } from 'react';
import { Image, Text, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import { Button, Progress, Tag } from '@nutui/nutui-react-taro';
import { zonedParts } from '@/domain/business-day';
import { formatFen } from '@/domain/money';
import { flashsaleService, type AdminSale, type SaleStatus } from '@/services/flashsale';
import { imageUrl } from '@/services/media';
import { colors } from '@/theme/tokens';
import { ManagerGate } from '../manager-gate';
import { managerRoutes } from '../routes';
import './index.scss';

export const STATUS_TEXT: Record<SaleStatus, string> = { upcoming: '未开始', active: '进行中', ended: '已结束' };

const pad = (n: number) => String(n).padStart(2, '0');
/** '12-06 20:00' in Shanghai time. */
function at(ms: number): string {
  const p = zonedParts(ms);
  return `${pad(p.month)}-${pad(p.day)} ${pad(p.hour)}:${pad(p.minute)}`;
}

const percent = (sold: number, stock: number) => (stock > 0 ? Math.min(100, Math.round((sold / stock) * 100)) : 0);

export default function FlashSalesPage() {
  const [sales, setSales] = useState<AdminSale[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [ending, setEnding] = useState<string | null>(null);

  const load = async () => {
    const reply = await flashsaleService.adminSales();
    if (!reply.ok) return setError(reply.message);
    setError(null);
    setSales(reply.data.sales);
  };
  useDidShow(() => void load());
  usePullDownRefresh(() => void load().then(() => Taro.stopPullDownRefresh()));

  const end = async (sale: AdminSale) => {
    const { confirm } = await Taro.showModal({
      title: '结束秒杀',
      content: `「${sale.title}」将立即结束，顾客无法再以秒杀价购买；未售出的件数退回商品库存。`,
      confirmText: '立即结束',
      cancelText: '再想想',
    });
    if (!confirm) return;
    setEnding(sale.saleId);
    const reply = await flashsaleService.endSale(sale.saleId);
    setEnding(null);
    if (!reply.ok) return setError(reply.message);
    void Taro.showToast({ title: '已结束', icon: 'success' });
    setSales((all) => all?.map((s) => (s.saleId === sale.saleId ? reply.data.sale : s)) ?? null);
  };

  return (
    <ManagerGate>
      <View className="page flash-sales">
        <Button type="primary" block onClick={() => void Taro.navigateTo({ url: managerRoutes.flashSaleEdit })}>
          新建限时秒杀
        </Button>
        {error ? <Text className="flash-sales__error">{error}</Text> : null}
        {sales === null && !error ? <Text className="flash-sales__hint">加载中…</Text> : null}
        {sales?.length === 0 ? <Text className="flash-sales__hint">还没有秒杀活动</Text> : null}
        {sales?.map((sale) => {
          const stock = sale.items.reduce((n, i) => n + i.stock, 0);
          const sold = sale.items.reduce((n, i) => n + i.sold, 0);
          return (
            <View key={sale.saleId} className={`sale-card sale-card--${sale.status}`}>
              <View className="sale-card__head">
                <Text className="sale-card__title">{sale.title}</Text>
                <Tag className={`sale-card__status sale-card__status--${sale.status}`}>{STATUS_TEXT[sale.status]}</Tag>
              </View>
              <Text className="sale-card__when">
                {at(sale.startAt)} - {at(sale.endAt)}
                {sale.endedAt ? ' · 已提前结束' : ''}
              </Text>
              <View className="sale-card__total">
                <Text className="sale-card__total-text">
                  已售 {sold} / {stock} 件
                </Text>
                <Progress percent={percent(sold, stock)} color={colors.accent} background={colors.sand} strokeWidth="6" />
              </View>
              {sale.items.map((item) => (
                <View key={item.saleItemId} className="sale-line">
                  <Image className="sale-line__image" src={imageUrl(item.image)} mode="aspectFill" />
                  <View className="sale-line__name">
                    <Text className="sale-line__title">{item.title}</Text>
                    <Text className="sale-line__spec">
                      {item.specText} · 限购{item.perUserLimit}件
                    </Text>
                  </View>
                  <View className="sale-line__price">
                    <Text className="sale-line__sale">{formatFen(item.salePrice)}</Text>
                    <Text className="sale-line__list">{formatFen(item.listPrice)}</Text>
                  </View>
                  <Text className="sale-line__sold">
                    {item.sold}/{item.stock}
                  </Text>
                </View>
              ))}
              {sale.status !== 'ended' ? (
                <View className="sale-card__actions">
                  <Button size="small" fill="outline" loading={ending === sale.saleId} disabled={ending !== null} onClick={() => void end(sale)}>
                    结束
                  </Button>
                </View>
              ) : null}
            </View>
          );
        })}
      </View>
    </ManagerGate>
  );
}
