/** The part of the `qrcode` package (no bundled types) the pledge station uses. */
declare module 'qrcode' {
  export interface BitMatrix {
    readonly size: number;
    get(row: number, col: number): number | boolean;
  }
  export interface QRCodeData {
    readonly modules: BitMatrix;
    readonly version: number;
  }
  export function create(
    text: string,
    options?: { errorCorrectionLevel?: 'L' | 'M' | 'Q' | 'H' },
  ): QRCodeData;
}
