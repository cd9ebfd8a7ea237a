import { PIXEL_RATIO, POSTER_HEIGHT, POSTER_WIDTH, drawPoster, wrapText, type Ctx2D } from './draw';
import type { PosterData } from '@/services/referral';

const data: PosterData = {
  code: 'LINQ8K2P',
  scene: 'r=LINQ8K2P',
  target: { type: 'product', id: 'p001' },
  codeImage: 'http://x/code.png',
  sharer: { nickName: '王先生', avatarUrl: '' },
  product: { id: 'p001', title: '冰丝凉感宽松T恤', price: 9900, image: 'http://x/p.png' },
  copy: '推荐你看看这件好衣服，新朋友首单有礼',
};

function recorder() {
  const texts: string[] = [];
  const images: { image: unknown; args: number[]; smoothing: boolean }[] = [];
  const ctx = {
    fillStyle: '',
    font: '',
    textBaseline: '',
    textAlign: '',
    imageSmoothingEnabled: true,
    fillRect: () => undefined,
    fillText: (t: string) => void texts.push(t),
    measureText: (t: string) => ({ width: Array.from(t).length * 12 }),
    drawImage(image: unknown, ...args: number[]) {
      images.push({ image, args, smoothing: ctx.imageSmoothingEnabled });
    },
    save: () => undefined,
    restore: () => undefined,
    beginPath: () => undefined,
    arc: () => undefined,
    clip: () => undefined,
    scale: jest.fn(),
  };
  return { ctx: ctx as unknown as Ctx2D & { scale: jest.Mock }, texts, images };
}

describe('the referral poster', () => {
  it('draws price, title, sharer, copy and the code, the code unsmoothed in the bottom right', () => {
    const { ctx, texts, images } = recorder();
    const code = { width: 280, height: 280 };
    drawPoster(ctx, data, { product: { width: 800, height: 1000 }, avatar: null, code });
    expect(ctx.scale).toHaveBeenCalledWith(PIXEL_RATIO, PIXEL_RATIO);
    expect(texts).toEqual(expect.arrayContaining(['¥99', '冰丝凉感宽松T恤', '王先生', '长按识别小程序码']));
    const drawnCode = images.find((i) => i.image === code);
    expect(drawnCode?.smoothing).toBe(false);
    const [x, y, w, h] = drawnCode!.args;
    expect(x + w).toBeLessThanOrEqual(POSTER_WIDTH);
    expect(y + h).toBeLessThanOrEqual(POSTER_HEIGHT);
    expect(w).toBe(h);
  });

  it('still draws without images (a store poster, nothing loaded)', () => {
    const { ctx, texts, images } = recorder();
    drawPoster(ctx, { ...data, product: null, copy: '邀请你一起逛织物 Weave，新朋友首单有礼' }, { product: null, avatar: null, code: null });
    expect(images).toHaveLength(0);
    expect(texts).toEqual(expect.arrayContaining(['新朋友首单享好礼，一起来逛逛', '王先生']));
  });
});

describe('wrapText', () => {
  const measure = (t: string) => Array.from(t).length;

  it('fills lines and ends a cut one with …', () => {
    expect(wrapText(measure, 'abcdefgh', 3, 2)).toEqual(['abc', 'de…']);
    expect(wrapText(measure, 'abcdef', 3, 2)).toEqual(['abc', 'def']);
    expect(wrapText(measure, 'ab', 3, 1)).toEqual(['ab']);
  });
});
