import { colors } from './theme/tokens';

/**
 * Main package = the four tabs. Every other area is a subpackage (root `packages/<area>`), so the
 * first download stays small; each area's pages live under src/packages/<area>/.
 */
const areaPages: Record<string, string[]> = {
  product: ['index/index', 'search/index'],
  order: ['index/index', 'checkout/index', 'address/index', 'address-edit/index', 'result/index', 'list/index', 'detail/index', 'refund/index'],
  member: ['index/index', 'points/index', 'checkin/index', 'mall/index', 'settings/index'],
  store: ['index/index', 'detail/index', 'coupons/index', 'mine/index', 'qr/index'],
  groupbuy: ['index/index', 'activity/index', 'group/index', 'mine/index'],
  invite: ['index/index', 'poster/index'],
  staff: ['index/index'],
  manager: ['index/index', 'orders/index', 'order/index', 'coupons/index', 'redemptions/index', 'user-tags/index', 'campaigns/index', 'campaign-edit/index', 'campaign/index', 'flash-sales/index', 'flash-sale-edit/index', 'groupbuys/index', 'groupbuy-edit/index'],
};

export default defineAppConfig({
  pages: ['pages/home/index', 'pages/category/index', 'pages/cart/index', 'pages/me/index'],
  subPackages: Object.entries(areaPages).map(([area, pages]) => ({ root: `packages/${area}`, pages })),
  preloadRule: {
    // The product page is one tap from the home feed; fetch it while the shopper looks around.
    'pages/home/index': { network: 'all', packages: ['packages/product'] },
    'pages/me/index': { network: 'wifi', packages: ['packages/member', 'packages/order'] },
  },
  window: {
    navigationBarTitleText: 'Weave 织物',
    navigationBarBackgroundColor: colors.canvas,
    navigationBarTextStyle: 'black',
    backgroundColor: colors.canvas,
    backgroundTextStyle: 'dark',
  },
  tabBar: {
    color: colors.stone,
    selectedColor: colors.ink,
    backgroundColor: colors.surface,
    borderStyle: 'white',
    list: [
      { pagePath: 'pages/home/index', text: '首页', iconPath: 'theme/tab-icons/home.png', selectedIconPath: 'theme/tab-icons/home-active.png' },
      { pagePath: 'pages/category/index', text: '分类', iconPath: 'theme/tab-icons/category.png', selectedIconPath: 'theme/tab-icons/category-active.png' },
      { pagePath: 'pages/cart/index', text: '购物车', iconPath: 'theme/tab-icons/cart.png', selectedIconPath: 'theme/tab-icons/cart-active.png' },
      { pagePath: 'pages/me/index', text: '我的', iconPath: 'theme/tab-icons/me.png', selectedIconPath: 'theme/tab-icons/me-active.png' },
    ],
  },
  requiredPrivateInfos: ['getLocation'],
  permission: {
    'scope.userLocation': { desc: '用于为你查找附近门店、领取门店优惠券' },
  },
  lazyCodeLoading: 'requiredComponents',
});
