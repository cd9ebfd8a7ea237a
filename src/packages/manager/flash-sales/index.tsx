/**
 * Manager: every 限时秒杀, newest first, with its status by the server clock (未开始 / 进行中 /
 * 已结束), each SKU's 已售 / 秒杀库存, and 结束 (after a confirm) for a sale not yet over.
 */
import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import { flashsaleService, type AdminSale } from '@/services/flashsale';
import { ManagerGate } from '../manager-gate';
import { CardEnd, CardLine, CardTop, CardTotal } from '../parts/list-card';
import { managerRoutes } from '../routes';
import './index.scss';

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
              <CardTop block="sale-card" title={sale.title} status={sale.status} startAt={sale.startAt} endAt={sale.endAt} endedAt={sale.endedAt} />
              <CardTotal block="sale-card" verb="已售" sold={sold} stock={stock} />
              {sale.items.map((item) => (
                <CardLine
                  key={item.saleItemId}
                  block="sale-line"
                  image={item.image}
                  title={item.title}
                  spec={`${item.specText} · 限购${item.perUserLimit}件`}
                  priceName="sale"
                  price={item.salePrice}
                  listPrice={item.listPrice}
                  sold={item.sold}
                  stock={item.stock}
                />
              ))}
              {sale.status !== 'ended' ? <CardEnd block="sale-card" loading={ending === sale.saleId} disabled={ending !== null} onEnd={() => void end(sale)} /> : null}
            </View>
          );
        })}
      </View>
    </ManagerGate>
  );
}
