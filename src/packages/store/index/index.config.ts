export default definePageConfig({
  navigationBarTitleText: '门店与优惠券',
});
