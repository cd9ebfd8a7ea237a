export default definePageConfig({
  navigationBarTitleText: 'Weave 织物',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
  // The native price component (src/native/price) draws prices on weapp; see components/price.
  usingComponents: {
    'weave-price': '../../native/price/index',
  },
});
