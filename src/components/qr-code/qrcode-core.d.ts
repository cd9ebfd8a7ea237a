// The encoder core of the `qrcode` package (no canvas, no Node streams), which has no own typings.
declare module 'qrcode/lib/core/qrcode' {
  export interface QRCodeModel {
    modules: { size: number; get(row: number, col: number): boolean | number };
  }
  export function create(text: string, options?: { errorCorrectionLevel?: 'L' | 'M' | 'Q' | 'H' }): QRCodeModel;
}
