/**
 * Writes every exercise illustration to docs/illustrations/<id>.svg and, with
 * `--png DIR`, also renders each one to DIR/<id>.png with resvg (a prebuilt
 * renderer shipped in the @resvg/resvg-js npm package, so no system package is
 * needed). The drawing itself is the pure `renderIllustration` of
 * @backtrack/core; `render.test.ts` fails when the SVG files are stale.
 *
 * Usage: tsx scripts/render-illustrations.ts [--png DIR] [--width PX]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Resvg } from '@resvg/resvg-js';
import { ILLUSTRATION_IDS, renderIllustration } from '@backtrack/core';

interface Options {
  png: string | undefined;
  width: number;
}

function parseArgs(argv: readonly string[]): Options {
  const options: Options = { png: undefined, width: 1280 };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = argv[i + 1];
    if (arg === '--png' && value !== undefined && !value.startsWith('--')) {
      options.png = resolve(value);
      i++;
    } else if (
      arg === '--width' &&
      value !== undefined &&
      /^\d+$/.test(value) &&
      Number(value) >= 64
    ) {
      options.width = Number(value);
      i++;
    } else {
      throw new Error(`unexpected argument ${arg ?? ''}${value === undefined ? '' : ` ${value}`}`);
    }
  }
  return options;
}

function main(): void {
  let options: Options;
  try {
    options = parseArgs(process.argv.slice(2));
  } catch (e) {
    console.error(`render-illustrations: ${e instanceof Error ? e.message : String(e)}`);
    console.error('usage: tsx scripts/render-illustrations.ts [--png DIR] [--width PX]');
    process.exit(2);
  }
  const svgDir = fileURLToPath(new URL('../docs/illustrations/', import.meta.url));
  mkdirSync(svgDir, { recursive: true });
  if (options.png) mkdirSync(options.png, { recursive: true });

  for (const id of ILLUSTRATION_IDS) {
    const svg = renderIllustration(id);
    writeFileSync(join(svgDir, `${id}.svg`), `${svg}\n`);
    if (options.png) {
      const png = new Resvg(svg, {
        fitTo: { mode: 'width', value: options.width },
        // Map the generic family to a font that is usually installed; resvg falls back otherwise.
        font: {
          loadSystemFonts: true,
          sansSerifFamily: 'DejaVu Sans',
          defaultFontFamily: 'DejaVu Sans',
        },
      })
        .render()
        .asPng();
      writeFileSync(join(options.png, `${id}.png`), png);
    }
  }
  console.log(
    `wrote ${ILLUSTRATION_IDS.length} SVGs to ${svgDir}` +
      (options.png ? ` and ${ILLUSTRATION_IDS.length} PNGs to ${options.png}` : ''),
  );
}

main();
