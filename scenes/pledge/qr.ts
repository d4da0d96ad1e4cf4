/**
 * The campaign page's QR code as an SVG drawn from the `qrcode` library's module matrix: no
 * canvas, crisp at any size, and it encodes the staff-set URL only, nothing about the visitor.
 */
import * as QRCode from 'qrcode';

const SVG = 'http://www.w3.org/2000/svg';
/** Modules of light margin around the code (the standard's quiet zone is 4). */
const QUIET = 4;

/** The modules of `text` (true = dark), row by row; throws for text too long for a QR code. */
export function qrModules(text: string): boolean[][] {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const rows: boolean[][] = [];
  for (let row = 0; row < modules.size; row++) {
    const cells: boolean[] = [];
    for (let col = 0; col < modules.size; col++) cells.push(Boolean(modules.get(row, col)));
    rows.push(cells);
  }
  return rows;
}

/** An `<svg role="img">` of the QR code for `url`, named by `label`. */
export function qrSvg(url: string, label: string): SVGSVGElement {
  const rows = qrModules(url);
  const size = rows.length + QUIET * 2;
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', `0 0 ${size} ${size}`);
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', label);
  svg.setAttribute('shape-rendering', 'crispEdges');
  let path = '';
  rows.forEach((cells, row) => {
    cells.forEach((dark, col) => {
      if (dark) path += `M${col + QUIET} ${row + QUIET}h1v1h-1z`;
    });
  });
  const background = document.createElementNS(SVG, 'rect');
  background.setAttribute('width', String(size));
  background.setAttribute('height', String(size));
  background.setAttribute('fill', '#ffffff');
  const code = document.createElementNS(SVG, 'path');
  code.setAttribute('d', path);
  code.setAttribute('fill', '#0b1026');
  svg.append(background, code);
  return svg;
}
