import fc from 'fast-check';
import { INTEREST_CONFIG, interestScores, type StyleSignal } from './interests';

const DAY = 86_400_000;
const now = Date.parse('2026-06-30T12:00:00+08:00');
const view = (tags: string[], daysBack = 0): StyleSignal => ({ kind: 'view', styleTags: tags, at: now - daysBack * DAY });
const bought = (tags: string[], daysBack = 0): StyleSignal => ({ kind: 'purchase', styleTags: tags, at: now - daysBack * DAY });

describe('interest tags', () => {
  it('weighs a purchase like five views', () => {
    const scores = interestScores([bought(['通勤']), ...Array.from({ length: 4 }, () => view(['街头']))], now);
    expect(scores).toEqual([
      { tag: '通勤', score: 5 },
      { tag: '街头', score: 4 },
    ]);
  });

  it('halves a signal every 30 days', () => {
    const [s] = interestScores([bought(['极简'], 30)], now);
    expect(s.score).toBeCloseTo(2.5, 10);
    expect(interestScores([bought(['极简'], 60)], now)[0].score).toBeCloseTo(1.25, 10);
  });

  it('lets recent browsing overtake an old purchase', () => {
    const scores = interestScores([bought(['复古'], 90), view(['运动'], 1), view(['运动'], 2)], now);
    // 5 x 1/8 = 0.625 for 复古 (under the minimum score of 1); 运动 about 1.9.
    expect(scores.map((s) => s.tag)).toEqual(['运动']);
  });

  it('ignores signals 180 days old or older', () => {
    expect(interestScores([bought(['复古'], 180), bought(['复古'], 180)], now)).toEqual([]);
    expect(interestScores([bought(['复古'], 179)], now)).toEqual([]); // 5 / 2^5.97 < 1
    expect(interestScores([bought(['复古'], 179)], now, { ...INTEREST_CONFIG, minScore: 0 })).toHaveLength(1);
  });

  it('drops a single glance: one view today scores 1, one view yesterday less than 1', () => {
    expect(interestScores([view(['商务'])], now)).toEqual([{ tag: '商务', score: 1 }]);
    expect(interestScores([view(['商务'], 1)], now)).toEqual([]);
  });

  it('keeps the top 5, breaking ties by tag so the order is stable', () => {
    const tags = ['f', 'e', 'd', 'c', 'b', 'a', 'g'];
    const scores = interestScores([bought(tags), bought(['g'])], now);
    expect(scores.map((s) => s.tag)).toEqual(['g', 'a', 'b', 'c', 'd']);
  });

  it('counts a tag once per product and ignores blank tags', () => {
    expect(interestScores([view(['通勤', '通勤', ' ', ' 通勤 '])], now)).toEqual([{ tag: '通勤', score: 1 }]);
  });

  it('treats a signal dated after now as today', () => {
    expect(interestScores([bought(['通勤'], -2)], now)).toEqual([{ tag: '通勤', score: 5 }]);
  });

  const signal = fc.record({
    kind: fc.constantFrom<'view' | 'purchase'>('view', 'purchase'),
    styleTags: fc.array(fc.constantFrom('通勤', '街头', '极简', '复古', '运动', '商务', '度假'), { maxLength: 3 }),
    at: fc.integer({ min: now - 200 * DAY, max: now }),
  });

  it('returns at most K tags, best first, each at or above the minimum score', () => {
    fc.assert(
      fc.property(fc.array(signal, { maxLength: 40 }), (signals) => {
        const scores = interestScores(signals, now);
        expect(scores.length).toBeLessThanOrEqual(INTEREST_CONFIG.topK);
        for (let i = 1; i < scores.length; i++) expect(scores[i].score).toBeLessThanOrEqual(scores[i - 1].score);
        for (const s of scores) expect(s.score).toBeGreaterThanOrEqual(INTEREST_CONFIG.minScore);
      }),
    );
  });

  it('never lowers a tag because of one more signal carrying it', () => {
    fc.assert(
      fc.property(fc.array(signal, { maxLength: 30 }), signal, (signals, extra) => {
        const all = { ...INTEREST_CONFIG, topK: 100, minScore: 0 };
        const before = new Map(interestScores(signals, now, all).map((s) => [s.tag, s.score]));
        const after = new Map(interestScores([...signals, extra], now, all).map((s) => [s.tag, s.score]));
        for (const [tag, score] of before) expect(after.get(tag)!).toBeGreaterThanOrEqual(score);
      }),
    );
  });
});
