import fc from 'fast-check';
import { Query } from 'mingo';
import { AppError } from '../reply';
import { TIER_IDS, type TierId } from '../tiers';
import { audienceQuery, describeAudience, matchesAudience, parseAudienceRule, type AudienceRule, type AudienceSubject } from './audience';
import { RFM_SEGMENTS, type RfmSegment } from './rfm';

const messageOf = (fn: () => unknown): string => {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    return (e as Error).message;
  }
  throw new Error('expected a failure');
};

const shanghaiVip: AudienceRule = {
  and: [{ tag: '高价值用户' }, { or: [{ city: '上海' }, { city: '杭州' }] }, { not: { segment: '流失客户' } }],
};

const user = (over: AudienceSubject = {}): AudienceSubject => ({
  tags: [],
  interests: [],
  tier: 'normal',
  city: null,
  storeId: null,
  segment: null,
  ...over,
});

describe('evaluating an audience rule for one user', () => {
  it('matches the example campaign only for high-value users in 上海 or 杭州 who are not lost', () => {
    expect(matchesAudience(shanghaiVip, user({ tags: ['高价值用户'], city: '上海', segment: '高价值客户' }))).toBe(true);
    expect(matchesAudience(shanghaiVip, user({ tags: ['高价值用户'], city: '杭州' }))).toBe(true);
    expect(matchesAudience(shanghaiVip, user({ tags: ['高价值用户'], city: '北京' }))).toBe(false);
    expect(matchesAudience(shanghaiVip, user({ tags: ['KOC'], city: '上海' }))).toBe(false);
    expect(matchesAudience(shanghaiVip, user({ tags: ['高价值用户'], city: '上海', segment: '流失客户' }))).toBe(false);
  });

  it('reads tierAtLeast by rank: silver and above means silver, gold and diamond', () => {
    const rule: AudienceRule = { tierAtLeast: 'silver' };
    expect((['normal', 'silver', 'gold', 'diamond'] as TierId[]).map((tier) => matchesAudience(rule, user({ tier })))).toEqual([false, true, true, true]);
  });

  it('matches nothing on a missing field, and its negation matches', () => {
    const bare: AudienceSubject = {};
    expect(matchesAudience({ tag: 'KOC' }, bare)).toBe(false);
    expect(matchesAudience({ tierAtLeast: 'normal' }, bare)).toBe(false);
    expect(matchesAudience({ not: { city: '上海' } }, bare)).toBe(true);
    expect(matchesAudience({ everyone: true }, bare)).toBe(true);
  });
});

describe('validating an audience rule', () => {
  it('returns the same rule when it is well formed, trimming text', () => {
    expect(parseAudienceRule(shanghaiVip)).toEqual(shanghaiVip);
    expect(parseAudienceRule({ interest: ' 通勤 ' })).toEqual({ interest: '通勤' });
    expect(parseAudienceRule({ store: 'store-1' })).toEqual({ store: 'store-1' });
  });

  it('says in Chinese what is wrong', () => {
    expect(messageOf(() => parseAudienceRule(null))).toBe('受众规则格式不正确');
    expect(messageOf(() => parseAudienceRule([]))).toBe('受众规则格式不正确');
    expect(messageOf(() => parseAudienceRule({}))).toBe('受众规则的每个条件只能有一种类型');
    expect(messageOf(() => parseAudienceRule({ tag: 'KOC', city: '上海' }))).toBe('受众规则的每个条件只能有一种类型');
    expect(messageOf(() => parseAudienceRule({ and: [] }))).toBe('受众规则中的“且”至少需要一个条件');
    expect(messageOf(() => parseAudienceRule({ or: {} }))).toBe('受众规则中的“或”至少需要一个条件');
    expect(messageOf(() => parseAudienceRule({ age: 30 }))).toBe('受众规则不支持条件“age”');
    expect(messageOf(() => parseAudienceRule({ tier: 'platinum' }))).toBe('会员等级不在可选范围内');
    expect(messageOf(() => parseAudienceRule({ segment: 'VIP' }))).toBe('RFM分群不在可选范围内');
    expect(messageOf(() => parseAudienceRule({ tag: '  ' }))).toBe('标签不能为空');
    expect(messageOf(() => parseAudienceRule({ city: 'x'.repeat(33) }))).toBe('城市不能超过32个字');
    expect(messageOf(() => parseAudienceRule({ everyone: 'yes' }))).toBe('受众规则中的“全部用户”应为 true');
  });

  it('refuses query operators smuggled in as values or keys', () => {
    expect(messageOf(() => parseAudienceRule({ tag: { $ne: null } }))).toBe('标签应为文本');
    expect(messageOf(() => parseAudienceRule({ $where: 'sleep(1000)' }))).toBe('受众规则不支持条件“$where”');
    expect(messageOf(() => parseAudienceRule(JSON.parse('{"__proto__": {"tag": "x"}}')))).toBe('受众规则不支持条件“__proto__”');
  });

  it('limits nesting to 5 levels', () => {
    const nest = (levels: number): unknown => (levels === 1 ? { tag: 'KOC' } : { not: nest(levels - 1) });
    expect(() => parseAudienceRule(nest(5))).not.toThrow();
    expect(messageOf(() => parseAudienceRule(nest(6)))).toBe('受众规则最多嵌套5层');
    // A hostile, very deep tree is refused without blowing the stack.
    expect(messageOf(() => parseAudienceRule(nest(5000)))).toBe('受众规则最多嵌套5层');
  });

  it('limits the tree to 40 conditions, combinators included', () => {
    const leaves = (n: number) => ({ or: Array.from({ length: n }, (_, i) => ({ city: `城市${i}` })) });
    expect(() => parseAudienceRule(leaves(39))).not.toThrow();
    expect(messageOf(() => parseAudienceRule(leaves(40)))).toBe('受众规则最多包含40个条件');
  });

  it('can insist that tags exist', () => {
    const known = ['高价值用户', 'KOC'];
    expect(parseAudienceRule({ tag: 'KOC' }, { knownTags: known })).toEqual({ tag: 'KOC' });
    expect(messageOf(() => parseAudienceRule({ tag: '高价值客户' }, { knownTags: known }))).toBe('标签“高价值客户”不存在');
  });
});

describe('describing an audience rule in Chinese', () => {
  it('reads the example campaign with brackets around the inner group', () => {
    expect(describeAudience(shanghaiVip)).toBe('带有标签“高价值用户” 且 （所在城市为上海 或 所在城市为杭州） 且 非（RFM分群为流失客户）');
  });

  it('names every kind of condition', () => {
    expect(describeAudience({ everyone: true })).toBe('全部用户');
    expect(describeAudience({ interest: '通勤' })).toBe('兴趣包含“通勤”');
    expect(describeAudience({ tier: 'gold' })).toBe('会员等级为金卡');
    expect(describeAudience({ tierAtLeast: 'silver' })).toBe('会员等级为银卡及以上');
    expect(describeAudience({ store: 's-1' }, { storeNames: { 's-1': '静安嘉里店' } })).toBe('最近门店为静安嘉里店');
    expect(describeAudience({ store: 's-2' })).toBe('最近门店为s-2');
  });

  it('does not bracket a group of one, and brackets an and inside an or', () => {
    expect(describeAudience({ and: [{ tag: 'KOC' }] })).toBe('带有标签“KOC”');
    expect(describeAudience({ or: [{ and: [{ tag: 'KOC' }, { city: '上海' }] }, { tier: 'diamond' }] })).toBe(
      '（带有标签“KOC” 且 所在城市为上海） 或 会员等级为黑钻',
    );
  });
});

describe('the user_tags query', () => {
  it('translates the example campaign into one filter', () => {
    expect(audienceQuery(shanghaiVip)).toEqual({
      $and: [{ tags: { $all: ['高价值用户'] } }, { $or: [{ city: { $eq: '上海' } }, { city: { $eq: '杭州' } }] }, { $nor: [{ segment: { $eq: '流失客户' } }] }],
    });
    expect(audienceQuery({ everyone: true })).toEqual({});
    expect(audienceQuery({ tierAtLeast: 'gold' })).toEqual({ tier: { $in: ['gold', 'diamond'] } });
  });

  // Small value pools, so random users and random rules actually meet.
  const tags = ['高价值用户', 'KOC', '潜力用户', '门店老客'];
  const interests = ['通勤', '极简', '街头'];
  const cities = ['上海', '杭州', '北京'];
  const stores = ['s-1', 's-2'];

  const leaf: fc.Arbitrary<AudienceRule> = fc.oneof(
    fc.constantFrom(...tags).map((tag) => ({ tag })),
    fc.constantFrom(...interests).map((interest) => ({ interest })),
    fc.constantFrom(...TIER_IDS).map((tier) => ({ tier })),
    fc.constantFrom(...TIER_IDS).map((tierAtLeast) => ({ tierAtLeast })),
    fc.constantFrom(...cities).map((city) => ({ city })),
    fc.constantFrom(...stores).map((store) => ({ store })),
    fc.constantFrom<RfmSegment>(...RFM_SEGMENTS).map((segment) => ({ segment })),
    fc.constant<AudienceRule>({ everyone: true }),
  );
  const { rule } = fc.letrec<{ rule: AudienceRule }>((tie) => ({
    rule: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      leaf,
      fc.array(tie('rule'), { minLength: 1, maxLength: 3 }).map((and) => ({ and })),
      fc.array(tie('rule'), { minLength: 1, maxLength: 3 }).map((or) => ({ or })),
      tie('rule').map((not) => ({ not })),
    ),
  }));
  // Users as stored, including old or partial documents with missing or null fields.
  const storedUser = fc.record(
    {
      tags: fc.subarray(tags),
      interests: fc.subarray(interests),
      tier: fc.oneof(fc.constantFrom<TierId>(...TIER_IDS), fc.constant(null)),
      city: fc.oneof(fc.constantFrom(...cities), fc.constant(null)),
      storeId: fc.oneof(fc.constantFrom(...stores), fc.constant(null)),
      segment: fc.oneof(fc.constantFrom<RfmSegment>(...RFM_SEGMENTS), fc.constant(null)),
    },
    { requiredKeys: [] },
  );

  it('selects exactly the users the evaluator matches (checked with mingo)', () => {
    fc.assert(
      fc.property(rule, fc.array(storedUser, { minLength: 1, maxLength: 8 }), (r, users) => {
        const query = new Query(audienceQuery(r));
        for (const u of users) expect(query.test({ openid: 'o', ...u })).toBe(matchesAudience(r, u));
      }),
      { numRuns: 500 },
    );
  });

  it('uses only $and, $or, $nor, $in, $all and $eq', () => {
    const allowed = new Set(['$and', '$or', '$nor', '$in', '$nin', '$all', '$eq', '$ne']);
    const operators = (q: unknown): string[] =>
      Array.isArray(q) ? q.flatMap(operators) : typeof q === 'object' && q !== null ? Object.entries(q).flatMap(([k, val]) => [...(k.startsWith('$') ? [k] : []), ...operators(val)]) : [];
    fc.assert(
      fc.property(rule, (r) => {
        for (const op of operators(audienceQuery(r))) expect(allowed.has(op)).toBe(true);
      }),
    );
  });

  it('has the validator accept, unchanged, every rule within the limits', () => {
    fc.assert(
      fc.property(rule, (r) => {
        const depth = (x: AudienceRule): number =>
          'and' in x ? 1 + Math.max(...x.and.map(depth)) : 'or' in x ? 1 + Math.max(...x.or.map(depth)) : 'not' in x ? 1 + depth(x.not) : 1;
        const size = (x: AudienceRule): number =>
          'and' in x ? 1 + x.and.reduce((s, c) => s + size(c), 0) : 'or' in x ? 1 + x.or.reduce((s, c) => s + size(c), 0) : 'not' in x ? 1 + size(x.not) : 1;
        fc.pre(depth(r) <= 5 && size(r) <= 40);
        expect(parseAudienceRule(JSON.parse(JSON.stringify(r)))).toEqual(r);
      }),
    );
  });
});
