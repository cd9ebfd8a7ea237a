export default definePageConfig({
  navigationBarTitleText: '新建限时秒杀',
});
