export default definePageConfig({
  navigationBarTitleText: '商品详情',
  usingComponents: {
    'weave-price': '../../../native/price/index',
  },
});
