import { useState } from 'react';
import { ScrollView, Text, View } from '@tarojs/components';
import Taro, { useDidShow, useReachBottom } from '@tarojs/taro';
import { Search } from '@nutui/icons-react-taro';
import { ResultsGrid } from '@/components/results-grid';
import { searchUrl } from '@/packages/product/routes';
import { fetchCategories, type CategoryList, type PriceBand, type SearchSort } from '@/services/catalog';
import { createResultsStore } from '@/stores/catalog-results';
import { usePageView } from '@/services/analytics';
import './index.scss';

const SORTS: { key: SearchSort | 'price'; label: string }[] = [
  { key: 'sales', label: '销量' },
  { key: 'newest', label: '新品' },
  { key: 'price', label: '价格' },
];

export default function CategoryPage() {
  usePageView();
  const [useResults] = useState(() => createResultsStore({ sort: 'sales' }));
  const results = useResults();
  const [catalog, setCatalog] = useState<CategoryList | null>(null);
  const [band, setBand] = useState<string | null>(null);
  const { filters } = results;

  useDidShow(() => {
    if (results.status === 'idle') void results.setFilters({});
    void fetchCategories().then((reply) => {
      if (reply.ok) setCatalog(reply.data);
    });
  });
  useReachBottom(() => void results.loadMore());

  const chooseBand = (b: PriceBand) => {
    const off = band === b.key;
    setBand(off ? null : b.key);
    void results.setFilters({ priceMin: off ? undefined : (b.priceMin ?? undefined), priceMax: off ? undefined : (b.priceMax ?? undefined) });
  };
  const chooseSort = (key: SearchSort | 'price') => {
    const sort: SearchSort = key === 'price' ? (filters.sort === 'price_asc' ? 'price_desc' : 'price_asc') : key;
    void results.setFilters({ sort });
  };

  const current = catalog?.categories.find((c) => c.id === filters.categoryId);
  const priceSort = filters.sort === 'price_asc' ? '↑' : filters.sort === 'price_desc' ? '↓' : '↕';

  return (
    <View className="page page--flush category">
      <View className="category__top">
        <View className="category__search" onClick={() => void Taro.navigateTo({ url: searchUrl() })}>
          <Search size={14} />
          <Text className="category__search-text">搜索商品、风格或面料</Text>
        </View>
      </View>

      <View className="category__body">
        <View className="category__rail">
          <Text className={`category__rail-item${!filters.categoryId ? ' category__rail-item--active' : ''}`} onClick={() => void results.setFilters({ categoryId: undefined })}>
            全部
          </Text>
          {catalog?.categories.map((c) => (
            <Text key={c.id} className={`category__rail-item${filters.categoryId === c.id ? ' category__rail-item--active' : ''}`} onClick={() => void results.setFilters({ categoryId: c.id })}>
              {c.name}
            </Text>
          ))}
        </View>

        <View className="category__main">
          <View className="category__heading">
            <Text className="category__title">{current?.name ?? '全部商品'}</Text>
            <Text className="category__count">{results.status === 'ready' ? `共 ${results.total} 件` : ''}</Text>
          </View>

          <View className="category__sorts">
            {SORTS.map((s) => {
              const active = s.key === 'price' ? filters.sort === 'price_asc' || filters.sort === 'price_desc' : filters.sort === s.key;
              return (
                <Text key={s.key} className={`category__sort${active ? ' category__sort--active' : ''}`} onClick={() => chooseSort(s.key)}>
                  {s.key === 'price' ? `价格${priceSort}` : s.label}
                </Text>
              );
            })}
          </View>

          <ScrollView className="category__chips" scrollX enhanced showScrollbar={false}>
            {catalog?.styleTags.map((t) => (
              <Text key={t.tag} className={`category__chip${filters.tag === t.tag ? ' category__chip--active' : ''}`} onClick={() => void results.setFilters({ tag: filters.tag === t.tag ? undefined : t.tag })}>
                {t.tag}
              </Text>
            ))}
          </ScrollView>
          <ScrollView className="category__chips" scrollX enhanced showScrollbar={false}>
            {catalog?.priceBands.map((b) => (
              <Text key={b.key} className={`category__chip category__chip--band${band === b.key ? ' category__chip--active' : ''}`} onClick={() => chooseBand(b)}>
                {b.label}
              </Text>
            ))}
          </ScrollView>

          <ResultsGrid state={results} emptyTitle="没有符合条件的商品" emptyDescription="换个风格或价格带试试" />
        </View>
      </View>
    </View>
  );
}
