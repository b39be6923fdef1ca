import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/** The web app: built into dist/web, which the API serves at `/` (apps/api/src/web-app.ts). */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  // JSX with React's automatic runtime, compiled by Vite's own transformer (no plugin needed for a build)
  oxc: { jsx: { runtime: 'automatic' } },
  html: {
    // replaced per response by the API with a fresh nonce: Mantine's generated <style> tags carry it (strict CSP)
    cspNonce: '__CSP_NONCE__',
  },
  build: {
    outDir: fileURLToPath(new URL('../../dist/web', import.meta.url)),
    emptyOutDir: true,
    assetsDir: 'assets',
    sourcemap: false,
    // Mantine, React, the router and react-intl are one first chunk (~175 KB gzipped); features load on their own
    chunkSizeWarningLimit: 700,
    rolldownOptions: {
      onwarn(warning, warn) {
        // Mantine marks its modules "use client" for React Server Components; a client-only bundle has no use for it
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
      },
    },
  },
  server: {
    // `npm run dev:web`: the API runs on its own port; requests to /api go there
    proxy: { '/api': 'http://localhost:3000' },
  },
});
