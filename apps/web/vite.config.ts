import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { defineConfig, type Plugin } from 'vite';

/** Text files a browser loads from the build, worth sending compressed. */
const TEXT = /\.(html|js|mjs|css|svg|json|webmanifest)$/;

/**
 * Writes `file.br` (brotli, quality 11) and `file.gz` (gzip, level 9) beside
 * every text file of the build, once, so the server sends them without
 * compressing anything at request time (it falls back to compressing when
 * a copy is missing or older than its file).
 */
function precompress(): Plugin {
  return {
    name: 'backtrack:precompress',
    apply: 'build',
    writeBundle(options) {
      const dir = options.dir ?? 'dist';
      for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
        if (!entry.isFile() || !TEXT.test(entry.name)) continue;
        const file = path.join(entry.parentPath, entry.name);
        const body = readFileSync(file);
        writeFileSync(
          `${file}.br`,
          brotliCompressSync(body, {
            params: {
              [constants.BROTLI_PARAM_QUALITY]: 11,
              [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
            },
          }),
        );
        writeFileSync(`${file}.gz`, gzipSync(body, { level: 9 }));
      }
    },
  };
}

/**
 * The web app's build. JSX is compiled by Vite's built-in transform (no React
 * plugin needed); `/api` is proxied to a running server in development.
 * Text files are precompressed after the build (`precompress`).
 */
export default defineConfig({
  oxc: { jsx: { runtime: 'automatic' } },
  plugins: [precompress()],
  server: {
    proxy: { '/api': process.env.BACKTRACK_API ?? 'http://localhost:3000' },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    // scripts/measure-bundle.mjs reads the manifest to find what the start page loads.
    manifest: true,
    target: 'es2022',
    rolldownOptions: {
      onLog(level, log, handler) {
        // React Query marks its modules "use client" for server components; meaningless in an SPA.
        if (log.code === 'MODULE_LEVEL_DIRECTIVE') return;
        handler(level, log);
      },
    },
  },
});
