export default definePageConfig({
  navigationBarTitleText: '门店券码',
});
