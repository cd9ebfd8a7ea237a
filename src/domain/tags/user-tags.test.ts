import { buildUserTagsDoc, mergeTags, parseManualTag, parseManualTags } from './user-tags';

describe('the user_tags document', () => {
  it('puts lifecycle and manual tags together, and names the RFM segment from the scores', () => {
    const doc = buildUserTagsDoc(
      {
        openid: 'o-1',
        lifecycleTags: ['高价值用户', 'KOC'],
        manualTags: ['门店活动', 'KOC', '门店活动'],
        interests: [
          { tag: '通勤', score: 6 },
          { tag: '极简', score: 2 },
        ],
        tier: 'gold',
        city: '上海',
        storeId: 'store-9',
        rfm: { r: 5, f: 4, m: 3, daysSinceLastOrder: 3, orders: 6, spend: 200_000 },
        marketingOptOut: false,
      },
      1_000,
    );
    expect(doc).toEqual({
      _id: 'o-1',
      openid: 'o-1',
      tags: ['KOC', '门店活动', '高价值用户'].sort(),
      lifecycleTags: ['高价值用户', 'KOC'],
      manualTags: ['KOC', '门店活动'].sort(),
      interests: ['通勤', '极简'],
      tier: 'gold',
      city: '上海',
      storeId: 'store-9',
      segment: '高价值客户',
      rfm: { r: 5, f: 4, m: 3 },
      marketingOptOut: false,
      computedAt: 1_000,
    });
  });

  it('leaves the segment empty for someone who never paid', () => {
    const doc = buildUserTagsDoc(
      { openid: 'o-2', lifecycleTags: [], manualTags: [], interests: [], tier: 'normal', city: null, storeId: null, rfm: null, marketingOptOut: true },
      5,
    );
    expect(doc.segment).toBeNull();
    expect(doc.rfm).toBeNull();
    expect(doc.tags).toEqual([]);
  });

  it('merges without duplicates', () => {
    expect(mergeTags(['a', 'b'], ['b', 'c'])).toEqual(['a', 'b', 'c']);
  });
});

describe('manual tags', () => {
  it('accepts a short tag and trims it', () => {
    expect(parseManualTag(' 门店老客 ')).toBe('门店老客');
  });

  it('refuses a computed tag name, an empty one, a long one and query-looking text', () => {
    expect(() => parseManualTag('高价值用户')).toThrow('“高价值用户”由系统计算，不能手动设置');
    expect(() => parseManualTag('KOC')).toThrow('不能手动设置');
    expect(() => parseManualTag('')).toThrow('标签不能为空');
    expect(() => parseManualTag('一二三四五六七八九十一二三四五六七')).toThrow('标签不能超过16个字');
    expect(() => parseManualTag('$ne')).toThrow('标签格式不正确');
    expect(() => parseManualTag({ $ne: null })).toThrow('标签应为文本');
  });
});

describe("a user's manual tag list", () => {
  it('checks every tag, removes repeats and sorts', () => {
    expect(parseManualTags(['门店老客', ' 门店老客', '直播'])).toEqual(['直播', '门店老客'].sort());
    expect(() => parseManualTags(['门店老客', 'KOC'])).toThrow('“KOC”由系统计算，不能手动设置');
  });

  it('allows at most 20 tags a user', () => {
    const tags = Array.from({ length: 20 }, (_, i) => `标签${i}`);
    expect(parseManualTags(tags)).toHaveLength(20);
    expect(() => parseManualTags([...tags, '再来一个'])).toThrow('标签不能超过20项');
    expect(() => parseManualTags('门店老客')).toThrow('标签应为列表');
  });
});
