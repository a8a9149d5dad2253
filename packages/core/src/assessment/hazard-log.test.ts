/**
 * The hazard log (docs/clinical-safety.md) names, for every hazard, the test
 * that proves its control. This test fails when a named test file or test
 * does not exist, so the log cannot point at nothing.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../../', import.meta.url));
const log = readFileSync(`${root}docs/clinical-safety.md`, 'utf8');

/** Rows of the hazard table: id and the "file › test" cell. */
const rows = log
  .split('\n')
  .filter((line) => /^\| HAZ-\d+ /.test(line))
  .map((line) => {
    const cells = line.split('|').map((c) => c.trim());
    return { id: cells[1] ?? '', test: cells.at(-2) ?? '' };
  });

describe('the hazard log', () => {
  it('lists the hazards of the clinical-safety issue, each with a control test', () => {
    expect(rows.length).toBeGreaterThanOrEqual(12);
    expect(new Set(rows.map((r) => r.id)).size).toBe(rows.length);
  });

  it.each(rows)('$id names a test that exists', ({ id, test }) => {
    const [file, name] = test.split('›').map((s) => s.trim().replaceAll('`', ''));
    expect(file, `${id}: no test file named`).toBeTruthy();
    expect(existsSync(`${root}${file ?? ''}`), `${id}: ${file ?? ''} does not exist`).toBe(true);
    const source = readFileSync(`${root}${file ?? ''}`, 'utf8');
    // A hazard id names every test of its describe block; otherwise the test's own title.
    const needle = name === id ? `${id}:` : (name ?? '');
    expect(needle.length, `${id}: no test named`).toBeGreaterThan(0);
    expect(source.includes(needle), `${id}: "${needle}" not found in ${file ?? ''}`).toBe(true);
  });
});
