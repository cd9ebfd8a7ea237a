// The parts of untyped packages the emulator and its tests use.

declare module 'qrcode' {
  interface QRCodeToBufferOptions {
    type?: 'png';
    width?: number;
    margin?: number;
    errorCorrectionLevel?: 'L' | 'M' | 'Q' | 'H';
    color?: { dark?: string; light?: string };
  }
  export function toBuffer(text: string, options?: QRCodeToBufferOptions): Promise<Buffer>;
}

declare module 'pngjs' {
  interface DecodedPng {
    width: number;
    height: number;
    data: Buffer;
  }
  export const PNG: { sync: { read(buffer: Buffer): DecodedPng } };
}
