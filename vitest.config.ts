import { existsSync, readdirSync } from 'node:fs';
import { defineConfig } from 'vitest/config';

// One Vitest project per workspace package (named after its folder), plus e2e/.
const packageDirs = ['packages', 'apps'].flatMap((root) =>
  existsSync(root) ? readdirSync(root).map((name) => ({ name, dir: `${root}/${name}` })) : [],
);

export default defineConfig({
  resolve: { conditions: ['source'] },
  ssr: { resolve: { conditions: ['source'] } },
  test: {
    projects: [
      ...packageDirs.map(({ name, dir }) => ({
        extends: true as const,
        test: {
          name,
          include: [`${dir}/src/**/*.test.ts`],
          // Test files of one project share a worker and its module cache:
          // none mocks modules or keeps module-level state, and re-importing
          // Hono, zod and the knowledge base for every file cost more than
          // the tests themselves (docs/architecture.md, "Tests").
          isolate: false,
          // Migrate one PGlite database per run; test databases load its dump.
          ...(['db', 'server'].includes(name)
            ? { globalSetup: ['packages/db/src/testing/global-setup.ts'] }
            : {}),
        },
      })),
      // The repository's own checks: lint boundaries, import cycles.
      { extends: true as const, test: { name: 'scripts', include: ['scripts/**/*.test.ts'] } },
      // The reliability suite's CI form: the built server as a process (bench/reliability/).
      {
        extends: true as const,
        test: {
          name: 'reliability',
          include: ['bench/reliability/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
      ...(existsSync('e2e')
        ? [
            {
              extends: true as const,
              test: {
                name: 'e2e',
                include: ['e2e/**/*.spec.ts'],
                // Builds the app and starts the server once for every spec (e2e/README.md).
                globalSetup: ['e2e/global-setup.ts'],
                env: { TZ: 'UTC' },
                testTimeout: 120_000,
                hookTimeout: 300_000,
                fileParallelism: false,
                retry: 0,
              },
            },
          ]
        : []),
    ],
  },
});
