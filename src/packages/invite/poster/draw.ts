/**
 * Draws the referral poster on a 2D canvas context (weapp `Canvas type="2d"` node or the h5
 * <canvas>): product image, price, the sharer's avatar and name, the mini-program code, a line of
 * copy. Images come in already loaded; a missing one leaves its space plain rather than failing the
 * poster. The code image is drawn unsmoothed so it still scans (and decodes) after scaling.
 */
import { formatFen } from '@/domain/money';
import { colors, fontFamily } from '@/theme/tokens';
import type { PosterData } from '@/services/referral';

/** The poster in CSS px; the canvas is this times PIXEL_RATIO. */
export const POSTER_WIDTH = 300;
export const POSTER_HEIGHT = 500;
export const PIXEL_RATIO = 2;

/** The slice of CanvasRenderingContext2D both builds offer. */
export interface Ctx2D {
  fillStyle: unknown;
  font: string;
  textBaseline: string;
  textAlign: string;
  imageSmoothingEnabled: boolean;
  fillRect(x: number, y: number, w: number, h: number): void;
  fillText(text: string, x: number, y: number): void;
  measureText(text: string): { width: number };
  drawImage(image: unknown, x: number, y: number, w: number, h: number): void;
  drawImage(image: unknown, sx: number, sy: number, sw: number, sh: number, x: number, y: number, w: number, h: number): void;
  save(): void;
  restore(): void;
  beginPath(): void;
  arc(x: number, y: number, r: number, start: number, end: number): void;
  clip(): void;
  scale(x: number, y: number): void;
}

export interface LoadedImage {
  width: number;
  height: number;
}

export interface PosterImages {
  product: LoadedImage | null;
  avatar: LoadedImage | null;
  code: LoadedImage | null;
}

/** Splits `text` into at most `maxLines` lines of `maxWidth`, the last one ending in … if cut. */
export function wrapText(measure: (t: string) => number, text: string, maxWidth: number, maxLines: number): string[] {
  const lines: string[] = [];
  let line = '';
  const chars = Array.from(text);
  for (let i = 0; i < chars.length; i += 1) {
    const next = line + chars[i];
    if (measure(next) <= maxWidth) {
      line = next;
      continue;
    }
    if (lines.length === maxLines - 1) {
      let cut = line;
      while (cut && measure(`${cut}…`) > maxWidth) cut = cut.slice(0, -1);
      lines.push(`${cut}…`);
      return lines;
    }
    lines.push(line);
    line = chars[i];
  }
  if (line) lines.push(line);
  return lines;
}

/** Draws `image` to fill the box, cropping the overflow (like CSS object-fit: cover). */
function drawCover(ctx: Ctx2D, image: LoadedImage, x: number, y: number, w: number, h: number) {
  const scale = Math.max(w / image.width, h / image.height);
  const sw = w / scale;
  const sh = h / scale;
  ctx.drawImage(image, (image.width - sw) / 2, (image.height - sh) / 2, sw, sh, x, y, w, h);
}

export function drawPoster(ctx: Ctx2D, data: PosterData, images: PosterImages): void {
  const W = POSTER_WIDTH;
  const H = POSTER_HEIGHT;
  const pad = 16;
  ctx.save();
  ctx.scale(PIXEL_RATIO, PIXEL_RATIO);
  ctx.fillStyle = colors.surface;
  ctx.fillRect(0, 0, W, H);
  ctx.textBaseline = 'top';
  ctx.textAlign = 'left';

  // Brand line
  ctx.fillStyle = colors.indigo;
  ctx.fillRect(0, 0, W, 36);
  ctx.fillStyle = colors.surface;
  ctx.font = `600 15px ${fontFamily.serif}`;
  ctx.fillText('织物 Weave · 好面料，慢慢穿', pad, 10);

  // Product (or the brand's own picture for a store poster)
  const imageTop = 36;
  const imageHeight = 250;
  ctx.fillStyle = colors.sand;
  ctx.fillRect(0, imageTop, W, imageHeight);
  if (images.product) drawCover(ctx, images.product, 0, imageTop, W, imageHeight);
  else {
    ctx.fillStyle = colors.charcoal;
    ctx.font = `600 22px ${fontFamily.serif}`;
    ctx.textAlign = 'center';
    ctx.fillText('好面料，慢慢穿', W / 2, imageTop + imageHeight / 2 - 12);
    ctx.textAlign = 'left';
  }

  let y = imageTop + imageHeight + 12;
  if (data.product) {
    ctx.fillStyle = colors.accent;
    ctx.font = `700 22px ${fontFamily.sans}`;
    ctx.fillText(formatFen(data.product.price, { trimZeros: true }), pad, y);
    y += 30;
    ctx.fillStyle = colors.ink;
    ctx.font = `500 14px ${fontFamily.sans}`;
    for (const line of wrapText((t) => ctx.measureText(t).width, data.product.title, W - pad * 2, 2)) {
      ctx.fillText(line, pad, y);
      y += 20;
    }
  } else {
    ctx.fillStyle = colors.ink;
    ctx.font = `600 16px ${fontFamily.sans}`;
    ctx.fillText('新朋友首单享好礼，一起来逛逛', pad, y);
    y += 24;
  }

  // Sharer, copy and the code along the bottom
  const codeSize = 96;
  const bottom = H - pad - codeSize;
  ctx.fillStyle = colors.line;
  ctx.fillRect(pad, bottom - 10, W - pad * 2, 1);
  const avatar = 36;
  ctx.save();
  ctx.beginPath();
  ctx.arc(pad + avatar / 2, bottom + 8 + avatar / 2, avatar / 2, 0, Math.PI * 2);
  ctx.clip();
  ctx.fillStyle = colors.sand;
  ctx.fillRect(pad, bottom + 8, avatar, avatar);
  if (images.avatar) drawCover(ctx, images.avatar, pad, bottom + 8, avatar, avatar);
  ctx.restore();
  const textLeft = pad + avatar + 8;
  const textWidth = W - pad - codeSize - 8 - textLeft;
  ctx.fillStyle = colors.ink;
  ctx.font = `600 14px ${fontFamily.sans}`;
  ctx.fillText(wrapText((t) => ctx.measureText(t).width, data.sharer.nickName, textWidth, 1)[0] ?? '', textLeft, bottom + 10);
  ctx.fillStyle = colors.stone;
  ctx.font = `12px ${fontFamily.sans}`;
  let copyY = bottom + 30;
  for (const line of wrapText((t) => ctx.measureText(t).width, data.copy, textWidth, 2)) {
    ctx.fillText(line, textLeft, copyY);
    copyY += 16;
  }
  ctx.fillText('长按识别小程序码', pad, H - pad - 14);

  if (images.code) {
    ctx.imageSmoothingEnabled = false;
    ctx.drawImage(images.code, W - pad - codeSize, bottom, codeSize, codeSize);
    ctx.imageSmoothingEnabled = true;
  }
  ctx.restore();
}
