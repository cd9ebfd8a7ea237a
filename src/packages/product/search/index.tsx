import { useState } from 'react';
import { Image, Input, Text, View } from '@tarojs/components';
import { useLoad, useReachBottom } from '@tarojs/taro';
import { Del, Search } from '@nutui/icons-react-taro';
import { ResultsGrid } from '@/components/results-grid';
import { fetchCategories, type CategoryList, type SearchInput, type SearchSort } from '@/services/catalog';
import { imageUrl } from '@/services/media';
import { createResultsStore } from '@/stores/catalog-results';
import { useSearchHistory } from '@/stores/catalog-search';
import './index.scss';

const SORTS: { key: SearchSort | 'price'; label: string }[] = [
  { key: 'sales', label: '综合' },
  { key: 'newest', label: '新品' },
  { key: 'price', label: '价格' },
];
const SORT_KEYS: readonly string[] = ['sales', 'newest', 'price_asc', 'price_desc'];

function decode(value: string | undefined): string | undefined {
  if (!value) return undefined;
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

export default function SearchPage() {
  const [useResults] = useState(() => createResultsStore());
  const results = useResults();
  const { history, remember, clear } = useSearchHistory();
  const [text, setText] = useState('');
  const [heading, setHeading] = useState<string | undefined>();
  const [catalog, setCatalog] = useState<CategoryList | null>(null);
  const { filters } = results;
  const searched = results.status !== 'idle';

  useLoad((params: Record<string, string | undefined>) => {
    const keyword = decode(params.keyword);
    const sort = decode(params.sort);
    const start: SearchInput = {
      keyword,
      tag: decode(params.tag),
      categoryId: decode(params.categoryId),
      collectionId: decode(params.collectionId),
      sort: sort && SORT_KEYS.includes(sort) ? (sort as SearchSort) : undefined,
    };
    setText(keyword ?? '');
    setHeading(decode(params.title));
    if (Object.values(start).some(Boolean)) void results.setFilters(start, true);
    void fetchCategories().then((reply) => {
      if (reply.ok) setCatalog(reply.data);
    });
  });
  useReachBottom(() => void results.loadMore());

  const run = (keyword: string) => {
    const word = keyword.trim();
    setText(word);
    setHeading(undefined);
    if (word) remember(word);
    void results.setFilters({ keyword: word || undefined, sort: filters.sort }, true);
  };
  const searchTag = (tag: string) => {
    setText('');
    setHeading(`#${tag}`);
    void results.setFilters({ tag }, true);
  };
  const chooseSort = (key: SearchSort | 'price') => {
    const sort: SearchSort = key === 'price' ? (filters.sort === 'price_asc' ? 'price_desc' : 'price_asc') : key;
    void results.setFilters({ sort });
  };
  const priceMark = filters.sort === 'price_asc' ? '↑' : filters.sort === 'price_desc' ? '↓' : '↕';
  const what = filters.keyword ? `“${filters.keyword}”` : heading ?? '';

  return (
    <View className="page page--flush search">
      <View className="search__bar">
        <View className="search__box">
          <Search size={14} />
          <Input
            className="search__input"
            value={text}
            placeholder="搜索商品、风格或面料"
            confirmType="search"
            focus={!searched}
            onInput={(e) => setText(e.detail.value)}
            onConfirm={(e) => run(e.detail.value)}
          />
        </View>
        <Text className="search__go" onClick={() => run(text)}>
          搜索
        </Text>
      </View>

      {!searched ? (
        <View className="search__start">
          {history.length > 0 ? (
            <View className="search__block">
              <View className="search__block-head">
                <Text className="search__block-title">最近搜索</Text>
                <View className="search__clear" onClick={clear} aria-label="清除搜索记录">
                  <Del size={14} />
                </View>
              </View>
              <View className="search__chips">
                {history.map((word) => (
                  <Text key={word} className="search__chip" onClick={() => run(word)}>
                    {word}
                  </Text>
                ))}
              </View>
            </View>
          ) : null}
          <View className="search__block">
            <Text className="search__block-title">按风格逛</Text>
            <View className="search__chips">
              {catalog?.styleTags.map((t) => (
                <Text key={t.tag} className="search__chip search__chip--tag" onClick={() => searchTag(t.tag)}>
                  {`#${t.tag}`}
                </Text>
              ))}
            </View>
          </View>
          <View className="search__block">
            <Text className="search__block-title">热门搜索</Text>
            <View className="search__chips">
              {['亚麻衬衫', '冰丝T恤', '针织开衫', '阔腿裤', '托特包', '牛仔'].map((word) => (
                <Text key={word} className="search__chip" onClick={() => run(word)}>
                  {word}
                </Text>
              ))}
            </View>
          </View>
        </View>
      ) : (
        <View className="search__results">
          {results.collection ? (
            <View className="search__collection">
              <Image className="search__collection-image" src={imageUrl(results.collection.cover)} mode="aspectFill" />
              <View className="search__collection-text">
                <Text className="search__collection-eyebrow">LOOKBOOK</Text>
                <Text className="search__collection-title">{results.collection.title}</Text>
                <Text className="search__collection-sub">{results.collection.subtitle}</Text>
              </View>
            </View>
          ) : null}
          <View className="search__toolbar">
            <Text className="search__summary">{results.status === 'ready' ? `${what ? `${what} ` : ''}共 ${results.total} 件` : ''}</Text>
            <View className="search__sorts">
              {SORTS.map((s) => {
                const active = s.key === 'price' ? filters.sort === 'price_asc' || filters.sort === 'price_desc' : (filters.sort ?? 'sales') === s.key;
                return (
                  <Text key={s.key} className={`search__sort${active ? ' search__sort--active' : ''}`} onClick={() => chooseSort(s.key)}>
                    {s.key === 'price' ? `价格${priceMark}` : s.label}
                  </Text>
                );
              })}
            </View>
          </View>
          <View className="search__bands">
            {catalog?.priceBands.map((b) => {
              const active = filters.priceMin === (b.priceMin ?? undefined) && filters.priceMax === (b.priceMax ?? undefined);
              return (
                <Text
                  key={b.key}
                  className={`search__band${active ? ' search__band--active' : ''}`}
                  onClick={() => void results.setFilters(active ? { priceMin: undefined, priceMax: undefined } : { priceMin: b.priceMin ?? undefined, priceMax: b.priceMax ?? undefined })}
                >
                  {b.label}
                </Text>
              );
            })}
          </View>
          <ResultsGrid state={results} emptyTitle={`没有找到${what}相关的商品`} emptyDescription="换个关键词，或去掉价格筛选再试试" />
        </View>
      )}
    </View>
  );
}
