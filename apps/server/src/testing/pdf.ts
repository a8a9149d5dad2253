/** Reading the server's PDFs back in tests, with a real PDF reader. */
import { execFileSync } from 'node:child_process';

/**
 * The text of a PDF, read by poppler's `pdftotext` (installed by
 * scripts/setup-test-deps.sh), whitespace collapsed to single spaces.
 */
export function pdfText(bytes: Uint8Array): string {
  return execFileSync('pdftotext', ['-', '-'], { input: bytes })
    .toString('utf8')
    .replaceAll(/\s+/g, ' ');
}

/** The page count of a PDF, from poppler's `pdfinfo`. */
export function pdfPages(bytes: Uint8Array): number {
  const info = execFileSync('pdfinfo', ['-'], { input: bytes }).toString('utf8');
  return Number(/^Pages:\s+(\d+)$/m.exec(info)?.[1]);
}
