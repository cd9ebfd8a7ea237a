export default definePageConfig({
  navigationBarTitleText: '活动推送',
  enablePullDownRefresh: true,
});
