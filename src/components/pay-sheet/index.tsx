import { Text, View } from '@tarojs/components';
import { Button, Popup } from '@nutui/nutui-react-taro';
import { formatFen, type Fen } from '@/domain/money';
import './index.scss';

export interface PaySheetProps {
  visible: boolean;
  amount: Fen;
  orderId: string;
  paying: boolean;
  onConfirm: () => void;
  onClose: () => void;
}

/**
 * The H5 build's stand-in for WeChat's payment sheet. It says plainly that it is a local demo:
 * confirming moves no money, it plays WeChat Pay's part against the local CloudBase.
 */
export function PaySheet({ visible, amount, orderId, paying, onConfirm, onClose }: PaySheetProps) {
  return (
    <Popup visible={visible} position="bottom" round closeable onClose={onClose} title="模拟支付">
      <View className="pay-sheet">
        <Text className="pay-sheet__badge">本地演示 · 不会产生真实扣款</Text>
        <Text className="pay-sheet__label">微信支付</Text>
        <Text className="pay-sheet__amount">{formatFen(amount)}</Text>
        <Text className="pay-sheet__order">订单号 {orderId}</Text>
        <Button className="pay-sheet__confirm" type="primary" block loading={paying} onClick={onConfirm}>
          确认支付
        </Button>
        <Text className="pay-sheet__hint">在微信小程序中，这里是微信支付的付款界面</Text>
      </View>
    </Popup>
  );
}

export default PaySheet;
