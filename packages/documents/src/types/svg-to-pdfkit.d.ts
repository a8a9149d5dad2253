/**
 * Types for `svg-to-pdfkit` (the package ships none): draws an SVG into a
 * PDFKit document as vector graphics. Options as read by its source.js.
 */
declare module 'svg-to-pdfkit' {
  /** Options of `SVGtoPDF`. */
  interface SvgToPdfOptions {
    /** Width and height of the viewport in PDF points. */
    width?: number;
    height?: number;
    preserveAspectRatio?: string;
    /** Treat SVG units as points (default: 1 px = 0.75 pt). */
    assumePt?: boolean;
    /** Name of the PDFKit font to use for an SVG font. */
    fontCallback?: (family: string, bold: boolean, italic: boolean) => string;
    /** Called with each unsupported feature instead of `console.warn`. */
    warningCallback?: (warning: string) => void;
    precision?: number;
  }

  /** Draws `svg` (markup) into `doc` with its top-left corner at (x, y). */
  function SVGtoPDF(
    doc: PDFKit.PDFDocument,
    svg: string,
    x?: number,
    y?: number,
    options?: SvgToPdfOptions,
  ): void;

  export default SVGtoPDF;
}
