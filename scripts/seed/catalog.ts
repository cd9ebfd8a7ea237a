import { BANNERS, CATEGORIES, COLORS, OUTFITS, PRIORITY_PRODUCT_IDS, PRODUCTS, type ProductDef } from './catalog-data';
import type { SeedClock } from './clock';
import { fileId } from './file-ids';
import { createRng, seedOf } from './random';
import type { BannerDoc, CategoryDoc, OutfitCollectionDoc, ProductDoc, SkuDoc } from './types';

const CARE: Record<string, string> = {
  'c-tops': '30℃以下机洗，反面晾干，不可漂白',
  'c-shirts': '建议手洗或洗衣袋机洗，中温熨烫',
  'c-dresses': '建议手洗，阴凉处悬挂晾干',
  'c-pants': '30℃以下机洗，深色与浅色分开洗涤',
  'c-skirts': '建议手洗，低温熨烫，褶裥处请勿拧干',
  'c-outer': '建议专业干洗',
  'c-knit': '建议手洗或干洗，平铺晾干，避免悬挂变形',
  'c-sport': '30℃以下机洗，勿用柔顺剂以免影响速干',
  'c-acc': '局部轻柔擦洗，避免暴晒',
};

export function productImage(productId: string, n: number): string {
  return fileId(`products/${productId}/${n}.png`);
}

export function categoryIcon(categoryId: string): string {
  return fileId(`categories/${categoryId}.png`);
}

export function collectionCover(collectionId: string): string {
  return fileId(`collections/${collectionId}.png`);
}

export function bannerImage(bannerId: string): string {
  return fileId(`banners/${bannerId}.png`);
}

export function skuId(productId: string, colorKey: string, size: string): string {
  return `${productId}-${colorKey}-${size.toLowerCase()}`;
}

/** Gallery: one front shot per colour, then a close-up of the first colour. */
export function productImageCount(def: ProductDef): number {
  return def.colors.length + 1;
}

/** Hand-placed stock levels the demo relies on (sold out for the restock alert, nearly gone). */
const STOCK_OVERRIDES: Record<string, number> = {
  'p011-mint-s': 0,
  'p011-mint-m': 0,
  'p011-mint-l': 0,
  'p011-mint-xl': 0,
  'p001-haze-m': 3,
  'p001-haze-l': 0,
  'p017-denim-27': 2,
  'p027-khaki-m': 4,
  'p039-grey-l': 1,
};

export interface Catalog {
  categories: CategoryDoc[];
  products: ProductDoc[];
  skus: SkuDoc[];
  collections: OutfitCollectionDoc[];
  banners: BannerDoc[];
}

export function buildCatalog(clock: SeedClock): Catalog {
  const created = clock.daysAgo(400);
  const categories: CategoryDoc[] = CATEGORIES.map((c, i) => ({
    _id: c.id,
    name: c.name,
    icon: categoryIcon(c.id),
    sort: (i + 1) * 10,
    sizeGuide: c.sizeGuide,
    status: 'active',
    createdAt: created,
    updatedAt: created,
  }));
  const categoryName = new Map(CATEGORIES.map((c) => [c.id, c.name]));

  const products: ProductDoc[] = [];
  const skus: SkuDoc[] = [];
  for (const def of PRODUCTS) {
    const rng = createRng(seedOf(def.id));
    const launchDaysAgo = def.launchDaysAgo ?? rng.int(20, 320);
    const launchAt = clock.daysAgo(launchDaysAgo);
    const createdAt = launchDaysAgo > 0 ? clock.daysAgo(launchDaysAgo + 3) : clock.daysAgo(2);
    const images = Array.from({ length: productImageCount(def) }, (_, i) => productImage(def.id, i + 1));
    const isUpcoming = launchDaysAgo <= 0;
    // Older products have sold more; new and upcoming ones little or nothing.
    const salesScale = isUpcoming ? 0 : Math.min(1, launchDaysAgo / 60);

    const productSkus: SkuDoc[] = [];
    def.colors.forEach((key, ci) => {
      const color = COLORS[key];
      for (const size of def.sizes) {
        const id = skuId(def.id, key, size);
        const roll = rng.next();
        let stock = roll < 0.08 ? 0 : roll < 0.2 ? rng.int(1, 5) : rng.int(8, 120);
        if (isUpcoming) stock = rng.int(30, 60);
        if (id in STOCK_OVERRIDES) stock = STOCK_OVERRIDES[id];
        const price = (def.price + (def.colorPremium?.[key] ?? 0)) * 100;
        productSkus.push({
          _id: id,
          productId: def.id,
          colorKey: key,
          colorName: color.name,
          size,
          specText: `${color.name} / ${size}`,
          price,
          listPrice: (def.list + (def.colorPremium?.[key] ?? 0)) * 100,
          stock,
          sales: Math.round(rng.int(0, 260) * salesScale),
          image: images[ci],
          status: 'on_sale',
          updatedAt: clock.daysAgo(rng.int(0, 6)),
        });
      }
    });
    skus.push(...productSkus);

    const cheapest = productSkus.reduce((a, b) => (b.price < a.price ? b : a));
    const category = categoryName.get(def.cat) ?? '';
    products.push({
      _id: def.id,
      categoryId: def.cat,
      title: def.title,
      subtitle: def.subtitle,
      description: `${def.subtitle}。${def.tags.map((t) => `#${t}`).join(' ')}，织物 Weave 自有版型，模特身高168cm穿M码。`,
      material: def.material,
      care: CARE[def.cat] ?? '',
      styleTags: def.tags,
      images,
      cover: images[0],
      colors: def.colors.map((key, ci) => ({ key, name: COLORS[key].name, hex: COLORS[key].hex, image: images[ci] })),
      sizes: def.sizes,
      price: cheapest.price,
      listPrice: cheapest.listPrice,
      maxPrice: Math.max(...productSkus.map((s) => s.price)),
      sales: productSkus.reduce((sum, s) => sum + s.sales, 0),
      status: 'on_sale',
      launchAt,
      priorityPurchase: PRIORITY_PRODUCT_IDS.includes(def.id),
      sizeGuide: def.sizeGuide ?? null,
      searchText: [def.title, def.subtitle, category, ...def.tags, ...def.colors.map((k) => COLORS[k].name)].join(' ').toLowerCase(),
      createdAt,
      updatedAt: createdAt,
    });
  }

  const collections: OutfitCollectionDoc[] = OUTFITS.map((o, i) => ({
    _id: o.id,
    title: o.title,
    subtitle: o.subtitle,
    description: o.description,
    cover: collectionCover(o.id),
    styleTags: o.tags,
    productIds: o.productIds,
    offer: o.id === 'col-summer-cool' ? { type: 'coupon', templateId: 'tpl-collection-summer', endsAt: clock.dayAt(3, 0) } : null,
    sort: (i + 1) * 10,
    status: 'active',
    createdAt: clock.daysAgo(30 - i * 4),
    updatedAt: clock.daysAgo(2),
  }));

  const links: Record<string, BannerDoc['link']> = {
    'bn-summer': { type: 'collection', id: 'col-summer-cool' },
    'bn-cashmere': { type: 'product', id: 'p037' },
    'bn-flash': { type: 'flash_sale', id: 'fs-now' },
  };
  const banners: BannerDoc[] = BANNERS.map((b, i) => ({
    _id: b.id,
    title: b.title,
    subtitle: b.subtitle,
    image: bannerImage(b.id),
    link: links[b.id],
    sort: (i + 1) * 10,
    status: 'active',
    startAt: clock.daysAgo(7),
    endAt: clock.dayAt(14, 0),
    createdAt: clock.daysAgo(8),
  }));

  return { categories, products, skus, collections, banners };
}
