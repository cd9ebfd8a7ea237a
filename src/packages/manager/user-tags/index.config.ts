export default definePageConfig({
  navigationBarTitleText: '用户标签',
});
