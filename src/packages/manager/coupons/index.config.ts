export default definePageConfig({
  navigationBarTitleText: '门店优惠券',
});
