import { resetTaroStorage } from '../../tests/support/taro-stub';
import { SEARCH_HISTORY_MAX, useSearchHistory } from './catalog-search';

beforeEach(() => {
  resetTaroStorage();
  useSearchHistory.getState().clear();
});

describe('search history', () => {
  it('keeps each keyword once, newest first, trimmed, and ignores blanks', () => {
    const { remember } = useSearchHistory.getState();
    remember('亚麻');
    remember(' 衬衫 ');
    remember('亚麻');
    remember('   ');
    expect(useSearchHistory.getState().history).toEqual(['亚麻', '衬衫']);
  });

  it(`keeps only the last ${SEARCH_HISTORY_MAX}`, () => {
    for (let i = 1; i <= SEARCH_HISTORY_MAX + 3; i += 1) useSearchHistory.getState().remember(`词${i}`);
    const { history } = useSearchHistory.getState();
    expect(history).toHaveLength(SEARCH_HISTORY_MAX);
    expect(history[0]).toBe(`词${SEARCH_HISTORY_MAX + 3}`);
  });

  it('forgets everything on clear', () => {
    useSearchHistory.getState().remember('针织');
    useSearchHistory.getState().clear();
    expect(useSearchHistory.getState().history).toEqual([]);
  });
});
