export default definePageConfig({
  navigationBarTitleText: '搜索',
  usingComponents: {
    'weave-price': '../../../native/price/index',
  },
});
