import { toBuffer } from 'qrcode';

/**
 * wxacode.getUnlimited / get / createQRCode: WeChat draws a 小程序码 only its own scanner reads; locally a
 * plain QR code carrying the scene (getUnlimited) or the path (get, createQRCode) stands in, so a phone
 * camera or jsQR reads back exactly what the app put in.
 */
export async function drawCode(apiName: string, request: Record<string, unknown>): Promise<Buffer | { errcode: number; errmsg: string }> {
  const width = clampWidth(request.width);
  if (apiName === 'wxacode.getUnlimited') {
    const scene = request.scene;
    if (typeof scene !== 'string' || scene === '' || scene.length > 32) {
      return { errcode: 40169, errmsg: 'invalid length for scene, or the data is not json string' };
    }
    return toBuffer(scene, { type: 'png', width, margin: 2, color: lineColor(request) });
  }
  const path = request.path;
  if (typeof path !== 'string' || path === '') return { errcode: 40159, errmsg: 'invalid length for path, or the data is not json string' };
  return toBuffer(path, { type: 'png', width, margin: 2, color: lineColor(request) });
}

function clampWidth(width: unknown): number {
  const requested = typeof width === 'number' ? width : Number(width);
  if (!Number.isFinite(requested)) return 430;
  return Math.min(1280, Math.max(280, Math.round(requested)));
}

function lineColor(request: Record<string, unknown>): { dark: string; light: string } {
  const color = request.line_color as { r?: unknown; g?: unknown; b?: unknown } | undefined;
  if (!color || request.auto_color === true) return { dark: '#000000ff', light: '#ffffffff' };
  const hex = [color.r, color.g, color.b].map((part) => Math.max(0, Math.min(255, Number(part) || 0)).toString(16).padStart(2, '0'));
  return { dark: `#${hex.join('')}ff`, light: '#ffffffff' };
}
