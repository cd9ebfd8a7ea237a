import { View } from '@tarojs/components';
import { Presentation } from '@nutui/icons-react-taro';
import { ComingSoon } from '@/components/coming-soon';

const features = [
  '按生命周期、RFM、兴趣等标签组合圈选人群并预估人数',
  '编写订阅消息，立即发送或定时发送',
  '自动遵守频次上限、免打扰时段与退订',
  '查看活动触达、到访与成交报表',
  '经营看板：GMV、转化漏斗、复购率等',
];

export default function ManagerPage() {
  return (
    <View className="page page--flush">
      <ComingSoon
        name="运营工作台"
        summary="社群运营按标签圈选人群、发送活动推送、查看经营数据"
        features={features}
        icon={<Presentation size={26} />}
      />
    </View>
  );
}
