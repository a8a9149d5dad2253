/**
 * The boundaries are enforced, not promised: this runs the
 * project's own ESLint configuration on small snippets that break a rule and
 * checks that lint fails, and checks that no workspace has an import cycle,
 * type-only imports included (import-x/no-cycle follows value imports only).
 *
 * Each snippet is linted as the text of an existing file (`filePath`), so that
 * the TypeScript project service and the import resolver see it where it
 * would live; nothing is written to disk.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const eslint = new ESLint({ cwd: root });

/** The rules that report `code` as the text of the file at `filePath`. */
async function failingRules(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, filePath) });
  return (result?.messages ?? []).map((m) => m.ruleId ?? m.message);
}

// Starting the TypeScript project service takes seconds on a busy machine.
describe('lint fails on a boundary violation', { timeout: 60_000 }, () => {
  it('the core importing a database module', async () => {
    const rules = await failingRules(
      'packages/core/src/errors.ts',
      "import { PGlite } from '@electric-sql/pglite';\nexport const open = () => new PGlite();\n",
    );
    expect(rules).toContain('no-restricted-imports');
    expect(
      await failingRules('packages/core/src/errors.ts', "export * from '@backtrack/db';\n"),
    ).toContain('no-restricted-imports');
  });

  it('the core importing React', async () => {
    const rules = await failingRules(
      'packages/core/src/errors.ts',
      "import { useState } from 'react';\nexport const hook = useState;\n",
    );
    expect(rules).toContain('no-restricted-imports');
  });

  it('the web importing a value from the core, but not a type', async () => {
    const file = 'apps/web/src/shared/lib/units.ts';
    const value = await failingRules(
      file,
      "import { loadKnowledgeBase } from '@backtrack/core';\nexport const kb = loadKnowledgeBase();\n",
    );
    expect(value).toContain('@typescript-eslint/no-restricted-imports');
    const type = await failingRules(
      file,
      "import type { BodyRegion } from '@backtrack/core';\nexport const region: BodyRegion | undefined = undefined;\n",
    );
    expect(type).toEqual([]);
  });

  it('the web importing the server, except types from its contract', async () => {
    const file = 'apps/web/src/shared/lib/units.ts';
    const type = await failingRules(
      file,
      "import type { SavedPlanDto } from '@backtrack/server/contract';\nexport const plan: SavedPlanDto | undefined = undefined;\n",
    );
    expect(type).toEqual([]);
    const value = await failingRules(
      file,
      "import { contract } from '@backtrack/server/contract';\nexport const c: unknown = contract;\n",
    );
    expect(value).toContain('@typescript-eslint/no-restricted-imports');
    const server = await failingRules(
      file,
      "import type { App } from '@backtrack/server';\nexport const app: App | undefined = undefined;\n",
    );
    expect(server).toContain('@typescript-eslint/no-restricted-imports');
  });

  it('a deep import into another workspace', async () => {
    const rules = await failingRules(
      'apps/cli/src/io/style.ts',
      "export { loadKnowledgeBase } from '../../../../packages/core/src/knowledge/index.js';\n",
    );
    expect(rules).toContain('import-x/no-relative-packages');
  });

  it('the web’s shared code importing a feature, or the CLI’s I/O importing a command', async () => {
    expect(
      await failingRules(
        'apps/web/src/shared/lib/units.ts',
        "import { mergePainDiaries } from '../../features/training/training.js';\nexport const merge = mergePainDiaries;\n",
      ),
    ).toContain('import-x/no-restricted-paths');
    expect(
      await failingRules(
        'apps/cli/src/io/labels.ts',
        "import { heading } from '../commands/assess/render-report.js';\nexport const h = heading;\n",
      ),
    ).toContain('import-x/no-restricted-paths');
    expect(
      await failingRules(
        'apps/cli/src/store/plan-state.ts',
        "export { heading } from '../commands/assess/render-report.js';\n",
      ),
    ).toContain('import-x/no-restricted-paths');
  });

  it('an import cycle', async () => {
    // render-training.ts imports dates.ts, so dates.ts importing it closes a cycle.
    const rules = await failingRules(
      'apps/cli/src/io/dates.ts',
      "import { formatKm } from '../commands/training/render-training.js';\nexport const km = formatKm(1000);\n",
    );
    expect(rules).toContain('import-x/no-cycle');
  });
});

/** The relative imports of every source file under `dir`, type-only ones included. */
function importGraph(dir: string): Map<string, string[]> {
  const files: string[] = [];
  const walk = (d: string): void => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name)) files.push(full);
    }
  };
  walk(dir);
  const graph = new Map<string, string[]>();
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    const targets: string[] = [];
    for (const match of text.matchAll(/\b(?:from|import)\s*\(?\s*'(\.{1,2}\/[^']+)'/g)) {
      const base = path.resolve(path.dirname(file), match[1] ?? '').replace(/\.js$/, '');
      const target = [`${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts')].find((candidate) =>
        existsSync(candidate),
      );
      if (target !== undefined) targets.push(target);
    }
    graph.set(file, targets);
  }
  return graph;
}

/** The groups of files that import each other in a circle (Tarjan's strongly connected components). */
function cycles(graph: Map<string, string[]>): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const found: string[][] = [];
  const visit = (v: string): void => {
    index.set(v, next);
    low.set(v, next);
    next += 1;
    stack.push(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v) ?? 0, low.get(w) ?? 0));
      } else if (stack.includes(w)) low.set(v, Math.min(low.get(v) ?? 0, index.get(w) ?? 0));
    }
    if (low.get(v) === index.get(v)) {
      const group: string[] = [];
      let w: string | undefined;
      do {
        w = stack.pop();
        if (w !== undefined) group.push(path.relative(root, w));
      } while (w !== undefined && w !== v);
      if (group.length > 1 || (graph.get(v) ?? []).includes(v)) found.push(group.sort());
    }
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return found;
}

describe('no import cycles, type-only imports included', () => {
  const dirs = ['packages', 'apps'].flatMap((top) =>
    readdirSync(path.join(root, top)).map((name) => `${top}/${name}/src`),
  );
  for (const dir of dirs.filter((d) => existsSync(path.join(root, d)))) {
    it(dir, () => {
      expect(cycles(importGraph(path.join(root, dir)))).toEqual([]);
    });
  }

  it('finds a cycle when there is one', () => {
    const a = path.join(root, 'a.ts');
    const b = path.join(root, 'b.ts');
    expect(
      cycles(
        new Map([
          [a, [b]],
          [b, [a]],
        ]),
      ),
    ).toEqual([['a.ts', 'b.ts']]);
  });
});
