import { defineConfig } from 'vite';

/**
 * The web app's build. JSX is compiled by Vite's built-in transform (no React
 * plugin needed); `/api` is proxied to a running server in development.
 */
export default defineConfig({
  oxc: { jsx: { runtime: 'automatic' } },
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
