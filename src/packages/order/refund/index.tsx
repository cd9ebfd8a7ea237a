import { useState } from 'react';
import { Image, Text, View } from '@tarojs/components';
import Taro, { useLoad, useRouter } from '@tarojs/taro';
import { Button, TextArea } from '@nutui/nutui-react-taro';
import { Close, Photograph } from '@nutui/icons-react-taro';
import { OrderLine } from '@/components/order-line';
import { formatFen } from '@/domain/money';
import { canUploadPhotos, ordersService, uploadRefundPhoto, type OrderDetail } from '@/services/orders';
import './index.scss';

const REASONS = ['尺码不合适', '颜色/款式与描述不符', '质量问题', '不想要了', '发货太慢', '其他'];
const MAX_PHOTOS = 3;
const toast = (title: string) => void Taro.showToast({ title, icon: 'none' });

export default function RefundPage() {
  const { params } = useRouter();
  const orderId = params.id ? decodeURIComponent(params.id) : '';
  const [order, setOrder] = useState<OrderDetail | null>(null);
  const [reason, setReason] = useState('');
  const [description, setDescription] = useState('');
  const [photos, setPhotos] = useState<{ local: string; fileId: string }[]>([]);
  const [submitting, setSubmitting] = useState(false);

  useLoad(() => {
    void ordersService.detail(orderId).then((reply) => {
      if (reply.ok) setOrder(reply.data);
      else toast(reply.message);
    });
  });

  const addPhotos = async () => {
    const picked = await Taro.chooseImage({ count: MAX_PHOTOS - photos.length, sizeType: ['compressed'] }).catch(() => null);
    if (!picked) return;
    for (const path of picked.tempFilePaths) {
      const reply = await uploadRefundPhoto(orderId, path);
      if (!reply.ok) {
        toast(reply.message);
        return;
      }
      setPhotos((p) => [...p, { local: path, fileId: reply.data.fileId }]);
    }
  };

  const submit = async () => {
    if (!reason) {
      toast('请选择退款原因');
      return;
    }
    setSubmitting(true);
    const reply = await ordersService.refundRequest({
      orderId,
      reason,
      ...(description.trim() ? { description: description.trim() } : {}),
      ...(photos.length ? { photos: photos.map((p) => p.fileId) } : {}),
    });
    setSubmitting(false);
    if (!reply.ok) {
      toast(reply.message);
      return;
    }
    void Taro.showToast({ title: '已提交，等待审核', icon: 'success' });
    setTimeout(() => void Taro.navigateBack(), 800);
  };

  return (
    <View className="page refund">
      {order ? (
        <View className="refund__card">
          {order.items.map((l) => (
            <OrderLine key={l.skuId} {...l} />
          ))}
          <View className="refund__amount">
            <Text>退款金额</Text>
            <Text className="refund__amount-value">{formatFen(order.payable)}</Text>
          </View>
          <Text className="refund__hint">审核通过后原路退回；本单使用的优惠券和积分一并退还</Text>
        </View>
      ) : null}

      <View className="refund__card">
        <Text className="refund__section">退款原因</Text>
        <View className="refund__reasons">
          {REASONS.map((r) => (
            <Text key={r} className={`refund__reason${reason === r ? ' refund__reason--on' : ''}`} onClick={() => setReason(r)}>
              {r}
            </Text>
          ))}
        </View>
      </View>

      <View className="refund__card">
        <Text className="refund__section">问题描述（选填）</Text>
        <TextArea className="refund__text" value={description} placeholder="说说遇到的问题，方便我们更快处理" maxLength={200} showCount onChange={(v) => setDescription(v)} />
      </View>

      <View className="refund__card">
        <Text className="refund__section">照片（选填，最多 {MAX_PHOTOS} 张）</Text>
        {canUploadPhotos() ? (
          <View className="refund__photos">
            {photos.map((p) => (
              <View key={p.fileId} className="refund__photo">
                <Image className="refund__photo-image" src={p.local} mode="aspectFill" />
                <View className="refund__photo-remove" onClick={() => setPhotos((all) => all.filter((x) => x.fileId !== p.fileId))}>
                  <Close size={10} />
                </View>
              </View>
            ))}
            {photos.length < MAX_PHOTOS ? (
              <View className="refund__photo refund__photo--add" onClick={() => void addPhotos()}>
                <Photograph size={22} />
              </View>
            ) : null}
          </View>
        ) : (
          <Text className="refund__hint">网页版暂不支持上传照片，可直接提交；在微信小程序中可以上传照片</Text>
        )}
      </View>

      <Button className="refund__submit" type="primary" block loading={submitting} onClick={() => void submit()}>
        提交申请
      </Button>
    </View>
  );
}
