/**
 * What the catalog shows, computed from documents: product cards, the colour x size matrix, the
 * member price preview and the priority-purchase window. Pure, so the rules are tested without a
 * database and every handler shows the same thing the same way.
 */
import { buyingOpensAt, formatOpensAt } from '../../../src/domain/flash-sale/priority-window';
import { ratioFen, type Fen } from '../../../src/domain/money';
import { zheLabel } from '../../../src/domain/pricing/zhe';
import { nextTier, tierById, TIERS, type TierId } from '../../../src/domain/tiers';
import type { ProductDoc, SkuDoc } from '../../../scripts/seed/types';

const DAY_MS = 86_400_000;

export interface ProductCard {
  id: string;
  title: string;
  subtitle: string;
  cover: string;
  /** Lowest SKU price and its list price, fen. */
  price: Fen;
  listPrice: Fen;
  styleTags: string[];
  sales: number;
  launchAt: string;
  /** One short label for the card corner: 即将开售 / 新品, or null. */
  badge: string | null;
}

export function isNewArrival(product: Pick<ProductDoc, 'launchAt'>, now: Date, newArrivalDays: number): boolean {
  const launch = new Date(product.launchAt).getTime();
  return launch <= now.getTime() && launch >= now.getTime() - newArrivalDays * DAY_MS;
}

export function toCard(p: ProductDoc, now: Date, newArrivalDays: number): ProductCard {
  const upcoming = new Date(p.launchAt).getTime() > now.getTime();
  return {
    id: p._id,
    title: p.title,
    subtitle: p.subtitle,
    cover: p.cover,
    price: p.price,
    listPrice: p.listPrice,
    styleTags: p.styleTags,
    sales: p.sales,
    launchAt: new Date(p.launchAt).toISOString(),
    badge: upcoming ? '即将开售' : isNewArrival(p, now, newArrivalDays) ? '新品' : null,
  };
}

/** A keyword becomes a literal pattern: '.*' typed in the search bar must not match everything. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export interface SkuCell {
  skuId: string;
  colorKey: string;
  size: string;
  specText: string;
  price: Fen;
  listPrice: Fen;
  stock: number;
  soldOut: boolean;
  image: string;
}

export interface SkuMatrix {
  colors: { key: string; name: string; hex: string; image: string; soldOut: boolean }[];
  sizes: { size: string; soldOut: boolean }[];
  /** cells[colorIndex][sizeIndex]; null where the combination is not made. */
  cells: (SkuCell | null)[][];
  totalStock: number;
}

/** Off-shelf SKUs count as not made: the picker never offers what cannot be bought. */
export function skuMatrix(product: Pick<ProductDoc, 'colors' | 'sizes'>, skus: readonly SkuDoc[]): SkuMatrix {
  const byKey = new Map(skus.filter((s) => s.status === 'on_sale').map((s) => [`${s.colorKey}\u0000${s.size}`, s]));
  const cells = product.colors.map((c) =>
    product.sizes.map((size): SkuCell | null => {
      const s = byKey.get(`${c.key}\u0000${size}`);
      if (!s) return null;
      const stock = Math.max(0, s.stock);
      return { skuId: s._id, colorKey: c.key, size, specText: s.specText, price: s.price, listPrice: s.listPrice, stock, soldOut: stock === 0, image: s.image };
    }),
  );
  const rowSoldOut = (row: (SkuCell | null)[]) => row.every((cell) => !cell || cell.soldOut);
  return {
    colors: product.colors.map((c, ci) => ({ key: c.key, name: c.name, hex: c.hex, image: c.image, soldOut: rowSoldOut(cells[ci]) })),
    sizes: product.sizes.map((size, si) => ({ size, soldOut: rowSoldOut(cells.map((row) => row[si])) })),
    cells,
    totalStock: cells.flat().reduce((n, cell) => n + (cell?.stock ?? 0), 0),
  };
}

/** What a member of `tierId` pays for `price`: the same floor of the tier share that checkout takes off. */
export function memberPrice(price: Fen, tierId: TierId): Fen {
  const tier = tierById(tierId);
  return price - ratioFen(price, 100 - tier.discountPercent, 100, 'floor');
}

export interface MemberPriceView {
  tierId: TierId;
  tierName: string;
  /** '9.5折', or null when the tier has no discount. */
  discountText: string | null;
  price: Fen;
  /** The next tier up and its price: the upsell line; null at the top. */
  next: { tierId: TierId; tierName: string; discountText: string; price: Fen } | null;
}

export function memberPriceView(price: Fen, tierId: TierId): MemberPriceView {
  const tier = tierById(tierId);
  // The upsell names the first tier above that actually pays less (silver's 9.8折 over normal's none).
  let up = nextTier(tierId);
  while (up && up.discountPercent >= tier.discountPercent) up = nextTier(up.id);
  return {
    tierId,
    tierName: tier.name,
    discountText: tier.discountPercent < 100 ? zheLabel(tier.discountPercent) : null,
    price: memberPrice(price, tierId),
    next: up ? { tierId: up.id, tierName: up.name, discountText: zheLabel(up.discountPercent), price: memberPrice(price, up.id) } : null,
  };
}

export interface PurchaseWindow {
  canBuy: boolean;
  /** When this viewer may buy (ISO). */
  opensAt: string;
  /** Buying now only because of the viewer's tier. */
  early: boolean;
  /** The line the page shows, or null when nothing needs saying. */
  text: string | null;
}

/** The lowest tier whose members buy early, for '金卡会员优先购'. */
function firstPriorityTierName(): string {
  return TIERS.find((t) => t.priorityHours > 0)?.name ?? '会员';
}

/**
 * 优先购 for a new arrival: with `priorityPurchase`, a tier with priority hours buys from
 * launchAt - hours, everyone else from launchAt (the same rule as a flash sale's window).
 */
export function purchaseWindow(product: Pick<ProductDoc, 'launchAt' | 'priorityPurchase'>, tierId: TierId, now: Date): PurchaseWindow {
  const launch = new Date(product.launchAt).getTime();
  const at = now.getTime();
  const opens = product.priorityPurchase ? buyingOpensAt({ startsAt: launch }, tierId) : launch;
  const opensAt = new Date(opens).toISOString();
  const priorityLabel = `${firstPriorityTierName()}会员优先购`;
  if (at >= launch) return { canBuy: true, opensAt, early: false, text: null };
  if (at >= opens) {
    return { canBuy: true, opensAt, early: true, text: `${tierById(tierId).name}会员优先购中 · ${formatOpensAt(launch, at)} 全员开售` };
  }
  const when = formatOpensAt(opens, at);
  return { canBuy: false, opensAt, early: false, text: product.priorityPurchase ? `${priorityLabel} · ${when} 开抢` : `即将开售 · ${when} 开抢` };
}
