// @ts-check
import { readdirSync } from 'node:fs';
import path from 'node:path';
import js from '@eslint/js';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import { importX } from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const root = import.meta.dirname;

/** Every workspace folder (`packages/*`, `apps/*`), relative to the root. */
const workspaces = ['packages', 'apps'].flatMap((dir) =>
  readdirSync(path.join(root, dir), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => `${dir}/${entry.name}`),
);

/** Files that only tests and tooling load: they may use devDependencies. */
const testFiles = [
  '**/*.test.ts',
  '**/*.test.tsx',
  '**/src/testing/**',
  '**/vite.config.ts',
  '**/scripts/**',
  'e2e/**',
  'bench/**',
  'scripts/**',
  'vitest.config.ts',
];

/** What the pure core may never import (docs/architecture.md: dependencies point inwards). */
const NOT_IN_CORE = [
  {
    group: ['node:*', 'fs', 'fs/*', 'path', 'os', 'http', 'https', 'child_process', 'crypto'],
    message: 'packages/core is pure: no I/O (take data as arguments).',
  },
  {
    group: ['react', 'react/*', 'react-dom', 'react-dom/*', 'react-router', '@tanstack/*'],
    message: 'packages/core knows no user interface: React belongs in apps/web.',
  },
  {
    group: ['@backtrack/db', '@backtrack/db/*', 'drizzle-orm', 'drizzle-orm/*', 'pg'],
    message: 'packages/core knows no database: storage belongs in packages/db.',
  },
  {
    group: ['@electric-sql/*'],
    message: 'packages/core knows no database: storage belongs in packages/db.',
  },
  {
    group: ['hono', 'hono/*', '@hono/*'],
    message: 'packages/core knows no HTTP: routes belong in apps/server.',
  },
  {
    group: ['@backtrack/*', '!@backtrack/core'],
    message: 'Dependencies point inwards: packages/core imports no other workspace.',
  },
];

/** No workspace reaches into another one's files: only its entry (`exports`). */
const NO_DEEP_IMPORTS = {
  group: ['@backtrack/*/src', '@backtrack/*/src/**', '@backtrack/*/dist', '@backtrack/*/dist/**'],
  message:
    'Import a workspace from its entry (its package.json `exports`), never from its src/ or dist/.',
};

export default tseslint.config(
  {
    ignores: [
      '**/dist/**',
      '**/node_modules/**',
      'coverage/**',
      '**/*.config.js',
      '**/build.mjs',
      'apps/cli/bin/**',
      'test-artifacts/**',
      // Copied as they are into the build: the hand-written service worker (tested in e2e/today.spec.ts).
      'apps/web/public/**',
      '.backtrack/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: {
          allowDefaultProject: ['vitest.config.ts', 'bench/*.ts', 'bench/*/*.ts', 'scripts/*.ts'],
          defaultProject: 'tsconfig.tests.json',
          // bench/ and scripts/ hold more than the default limit of 8 files
          // (bench/duplicates.bench.ts made nine, bench/reliability/ five more, 25 with the
          // processes bench and the big import alone); they are few and small.
          maximumDefaultProjectFileMatchCount_THIS_WILL_SLOW_DOWN_LINTING: 40,
        },
        tsconfigRootDir: root,
      },
    },
    rules: {
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-unnecessary-condition': 'off',
    },
  },
  {
    // Import rules everywhere: no cycles, no reaching into another workspace.
    plugins: { 'import-x': importX },
    settings: {
      // Read the imported TypeScript files too (no-cycle follows them).
      'import-x/extensions': ['.ts', '.tsx', '.js', '.mjs'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/resolver-next': [
        // `source` first: workspace packages resolve to their TypeScript entry.
        createTypeScriptImportResolver({
          alwaysTryTypes: true,
          conditionNames: ['source', 'types', 'import', 'node', 'default'],
        }),
      ],
    },
    rules: {
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-relative-packages': 'error',
      'no-restricted-imports': ['error', { patterns: [NO_DEEP_IMPORTS] }],
    },
  },
  // Every workspace declares what it imports in its own package.json; only
  // tests and tooling may use devDependencies (the root's or the workspace's).
  ...workspaces.map((dir) => ({
    files: [`${dir}/**/*.{ts,tsx}`],
    rules: {
      'import-x/no-extraneous-dependencies': [
        'error',
        {
          packageDir: [path.join(root, dir), root],
          devDependencies: testFiles,
          includeTypes: true,
        },
      ],
    },
  })),
  {
    // The domain core is pure: no I/O, no clock, no randomness, no UI, no
    // database, no HTTP (docs/architecture.md: dependencies point inwards).
    files: ['packages/core/src/**/*.ts'],
    ignores: ['packages/core/src/**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [NO_DEEP_IMPORTS, ...NOT_IN_CORE] }],
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: 'packages/core takes time as an argument.' },
        { object: 'Math', property: 'random', message: 'packages/core is deterministic.' },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: 'packages/core takes time as an argument.',
        },
      ],
    },
  },
  {
    // The web app talks to the server over HTTP: it may use the core's types
    // (`import type`, nothing bundled) but none of its code, the server's
    // contract (types only), and nothing else of the server, the database,
    // the importers or Node.
    files: ['apps/web/src/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': 'off',
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: '@backtrack/core',
              allowTypeImports: true,
              // The known exceptions (one rule, one place): the plan
              // calendar's pure date functions (plan/calendar.ts), the
              // distance units (units.ts), and the wording of tiers and body
              // regions (knowledge/labels.ts: pure data, type-only imports),
              // the rule of exclusive options (exclusive-options.ts), and the
              // clinic's wall-clock time in a zone (clinic/time-zone.ts: Intl
              // only), so slots show in the runner's zone with the core's maths,
              // the wording of shared items (clinic/share-items.ts), and how a
              // report is read at a glance (assessment/report-view.ts), and the
              // outcome instruments' ranges (outcomes/scales.ts).
              // None of these modules imports zod or anything else.
              allowImportNames: [
                // Today in a plan and the guided session's steps (plan/today.ts,
                // plan/session.ts: type-only imports besides the calendar).
                'planToday',
                'sessionsDoneOn',
                'sessionSteps',
                'swapExercise',
                'toggleOption',
                'dateOfDay',
                'planPosition',
                'isCalendarDate',
                'formatDate',
                'formatShortDate',
                'formatDayMonth',
                'KM_PER_MILE',
                'fromKm',
                'toKm',
                'formatDistance',
                'TIER_WORDING',
                'SCREEN_INCOMPLETE_WORDING',
                'BODY_REGION_LABELS',
                'SECTION_TITLES',
                'DECISION_LABELS',
                'describeLevel',
                'toLocalTime',
                'formatClockTime',
                'SHARE_ITEM_LABELS',
                'describeShared',
                'shareItemLabel',
                'reasonsInWords',
                'reportParts',
                'NO_PLAN_REASON',
                'WEAK_LINKS_WORDING',
                'WEAK_LINKS_SHOWN_FIRST',
                'OUTCOME_SCALES',
                'OUTCOME_SHORT_LABELS',
                // What an import did to each file (training/import-outcome.ts: no imports).
                'describeFileImport',
                'describeImportTotals',
                // What a check-in asks beyond pain (knowledge/check-in-rules.ts: no imports).
                'LEG_PAIN',
                'LEG_PAIN_LABELS',
                'LEG_PAIN_RECHECK',
                'callsForLegPainRecheck',
                'CHECK_IN_NOTE_MAX',
                // Dates for people, one format (dates.ts: the calendar and time-zone modules only).
                'formatCalendarDate',
                'formatShortCalendarDate',
                'formatInstantDate',
                'formatDateTime',
                // A clinician's plan edit in words (plan/edit-text.ts: dates.ts and types only).
                'describePlanEditChange',
                'planEditNote',
              ],
              message:
                'apps/web may import only types from @backtrack/core (`import type`); values come from the API.',
            },
            {
              // The API's contract: body types inferred from the server's zod
              // schemas. The entry has no runtime code, so types only.
              name: '@backtrack/server/contract',
              allowTypeImports: true,
              message:
                'apps/web may import only types from @backtrack/server/contract (`import type`).',
            },
          ],
          patterns: [
            NO_DEEP_IMPORTS,
            {
              group: [
                '@backtrack/db',
                '@backtrack/importers',
                '@backtrack/cli',
                '@backtrack/server',
                'node:*',
              ],
              message: 'apps/web runs in the browser: it reaches the server over HTTP.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['apps/web/src/**/*.{ts,tsx}'],
    ...reactHooks.configs.flat.recommended,
  },
  {
    // The layout inside the apps (docs/architecture.md): the web's shared/
    // serves the features and imports none of them; the CLI's io/ (terminal
    // and formatting) and store/ (state on disk) serve the commands and
    // import none of them.
    files: ['apps/web/src/**/*.{ts,tsx}', 'apps/cli/src/**/*.ts'],
    rules: {
      'import-x/no-restricted-paths': [
        'error',
        {
          basePath: root,
          zones: [
            {
              target: './apps/web/src/shared',
              from: './apps/web/src/features',
              message: 'apps/web/src/shared is used by the features and imports none of them.',
            },
            {
              target: './apps/cli/src/io',
              from: ['./apps/cli/src/commands', './apps/cli/src/store'],
              message:
                'apps/cli/src/io is terminal I/O and formatting: it imports no command or store.',
            },
            {
              target: './apps/cli/src/store',
              from: './apps/cli/src/commands',
              message: 'apps/cli/src/store keeps the CLI state: it imports no command.',
            },
          ],
        },
      ],
    },
  },
);
