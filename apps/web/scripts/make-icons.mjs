/**
 * Renders the app icon (public/icon.svg) to the PNG sizes the web app
 * manifest names. Run after changing the SVG: `node scripts/make-icons.mjs`;
 * the PNGs are committed so the build needs no native renderer.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Resvg } from '@resvg/resvg-js';

const dir = path.resolve(import.meta.dirname, '..', 'public');
const svg = readFileSync(path.join(dir, 'icon.svg'), 'utf8');
for (const size of [192, 512]) {
  const png = new Resvg(svg, { fitTo: { mode: 'width', value: size } }).render().asPng();
  writeFileSync(path.join(dir, `icon-${size}.png`), png);
}
