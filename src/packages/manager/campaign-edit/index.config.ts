export default definePageConfig({
  navigationBarTitleText: '编辑推送活动',
});
