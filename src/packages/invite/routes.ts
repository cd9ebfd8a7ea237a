/** The invite area's pages. Links into it go through these. */
export const inviteRoutes = {
  index: '/packages/invite/index/index',
  poster: '/packages/invite/poster/index',
} as const;

/** The poster page for a product, or the store's home when no product is given. */
export const posterUrl = (productId?: string): string => (productId ? `${inviteRoutes.poster}?productId=${encodeURIComponent(productId)}` : inviteRoutes.poster);
