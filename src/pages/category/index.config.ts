export default definePageConfig({
  navigationBarTitleText: '分类',
  usingComponents: {
    'weave-price': '../../native/price/index',
  },
});
