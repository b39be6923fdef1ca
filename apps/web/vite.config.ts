import { fileURLToPath } from 'node:url';
import { parse } from '@formatjs/icu-messageformat-parser';
import { defineConfig, type Plugin } from 'vite';

/**
 * The message catalogues compiled at build time: each ICU message becomes its syntax tree, so the browser neither
 * parses messages as it renders nor downloads the parser (aliased below to the package's parser-free build).
 * The catalogues stay plain ICU text in the sources (apps/web/src/i18n/messages/*.json).
 */
const compiledMessages = (): Plugin => ({
  name: 'hld-compiled-messages',
  enforce: 'pre',
  transform(code, id) {
    if (!/\/i18n\/messages\/[a-z]+\.json$/.test(id)) return null;
    const messages = JSON.parse(code) as Record<string, string>;
    const compiled = Object.fromEntries(Object.entries(messages).map(([key, message]) => [key, parse(message)]));
    // still JSON: Vite's own JSON plugin makes it a module, as it does with any catalogue
    return { code: JSON.stringify(compiled), map: null };
  },
});

/** The web app: built into dist/web, which the API serves at `/` (apps/api/src/web-app.ts). */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  // JSX with React's automatic runtime, compiled by Vite's own transformer (no plugin needed for a build)
  oxc: { jsx: { runtime: 'automatic' } },
  plugins: [compiledMessages()],
  resolve: {
    alias: [{ find: /^@formatjs\/icu-messageformat-parser$/, replacement: '@formatjs/icu-messageformat-parser/no-parser.js' }],
  },
  html: {
    // replaced per response by the API with a fresh nonce: Mantine's generated <style> tags carry it (strict CSP)
    cspNonce: '__CSP_NONCE__',
  },
  build: {
    outDir: fileURLToPath(new URL('../../dist/web', import.meta.url)),
    emptyOutDir: true,
    assetsDir: 'assets',
    sourcemap: false,
    // dist/web/.vite/manifest.json: which file each source became; the API names the first page's chunks from it
    manifest: true,
    // Mantine, React, the router and react-intl are the first chunk; features load on their own
    chunkSizeWarningLimit: 700,
    rolldownOptions: {
      // What two or more chunks share goes into one chunk. Left to itself, the bundler cut it into about 30 small
      // files for sign-in and home. Each is a round trip on a slow link: Lighthouse scored the catalogue 70 with
      // them and 75–94 without (npm run bench:web), for 15 KB more gzipped up front.
      output: { codeSplitting: { groups: [{ name: 'shared', minShareCount: 2 }] } },
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
