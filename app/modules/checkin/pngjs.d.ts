// pngjs comes with qrcode (its PNG writer) and has no published types; the tests use it to
// read the QR images back. Only what they use is declared.
declare module "pngjs" {
  export const PNG: { sync: { read(buffer: Buffer): { width: number; height: number; data: Buffer } } };
}
