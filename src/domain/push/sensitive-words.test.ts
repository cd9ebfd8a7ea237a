import { readFileSync } from 'fs';
import path from 'path';
import { AppError } from '../reply';
import { assertNoSensitiveWords, findSensitiveWords, normaliseForMatch, parseWordList } from './sensitive-words';

const LIST = ['# 绝对化用语', '最佳', '第一', '国家级', '100%有效', 'best', '', '!第一次', '!第一件'].join('\n');

describe('sensitive words', () => {
  it('finds banned words in campaign text, as written in the list', () => {
    expect(findSensitiveWords('本季最佳单品，国家级工艺', LIST)).toEqual(['最佳', '国家级']);
    expect(findSensitiveWords('新品上市，欢迎选购', LIST)).toEqual([]);
  });

  it('catches spaces, full-width characters, case and separators between characters', () => {
    expect(findSensitiveWords('最 佳', LIST)).toEqual(['最佳']);
    expect(findSensitiveWords('最\u3000佳', LIST)).toEqual(['最佳']);
    expect(findSensitiveWords('最*佳', LIST)).toEqual(['最佳']);
    expect(findSensitiveWords('最\u200b佳', LIST)).toEqual(['最佳']);
    expect(findSensitiveWords('１００％有效', LIST)).toEqual(['100%有效']);
    expect(findSensitiveWords('１００ ％ 有 效', LIST)).toEqual(['100%有效']);
    expect(findSensitiveWords('The ＢＥＳＴ coat', LIST)).toEqual(['best']);
  });

  it('lets an allowed phrase shelter a banned word inside it, but not one elsewhere', () => {
    expect(findSensitiveWords('第一次下单立减', LIST)).toEqual([]);
    expect(findSensitiveWords('第一件半价', LIST)).toEqual([]);
    expect(findSensitiveWords('第一次下单立减，销量第一', LIST)).toEqual(['第一']);
    expect(findSensitiveWords('第 一 名', LIST)).toEqual(['第一']);
  });

  it('reads the list: comments, blanks, duplicates and Windows line ends', () => {
    const list = parseWordList('# c\r\n最佳\r\n\r\n最 佳\r\n!第一次\r\n  \r\n');
    expect(list.banned).toEqual([{ word: '最佳', key: '最佳' }]);
    expect(list.allowed).toEqual(['第一次']);
  });

  it('normalises full-width to half-width and drops spacing', () => {
    expect(normaliseForMatch('ＡＢＣ　１２３')).toBe('abc123');
  });

  it('refuses content with banned words, naming them once each', () => {
    const attempt = () => assertNoSensitiveWords(['最佳面料', '第一品牌，最佳选择'], LIST);
    expect(attempt).toThrow(AppError);
    expect(attempt).toThrow('内容含有违规词：最佳、第一，请修改后再发送');
    try {
      attempt();
    } catch (e) {
      expect((e as AppError).code).toBe('SENSITIVE_CONTENT');
    }
    expect(() => assertNoSensitiveWords(['秋冬新品到店', '第一次购买享95折'], LIST)).not.toThrow();
  });

  describe('the shipped list (config/sensitive-words.txt)', () => {
    // The test reads the file the way a caller would; the rule itself never touches the disk.
    const shipped = readFileSync(path.resolve(__dirname, '../../../config/sensitive-words.txt'), 'utf8');

    it('bans the Advertising Law absolute claims', () => {
      for (const text of ['全网最佳', '销量第一', '国家级面料', '100%有效', '顶级工艺', '史上最低价', '万能搭配']) {
        expect(findSensitiveWords(text, shipped)).not.toEqual([]);
      }
    });

    it('leaves ordinary apparel copy alone', () => {
      for (const text of ['第一次下单立减20元', '秋冬新品 羊毛大衣 到店试穿', '会员专享 第二件半价', '纯棉T恤 三色可选']) {
        expect(findSensitiveWords(text, shipped)).toEqual([]);
      }
    });
  });
});
