import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Logger } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { sessionSecretOf } from '@hld/identity';

/** Where `vite build` puts the web app (dist/web, beside dist/apps). */
export const WEB_ROOT = fileURLToPath(new URL('../../../web/', import.meta.url));

const LANGUAGES = ['en', 'fr', 'es'] as const;
/** The placeholder Vite writes where a nonce goes (`html.cspNonce` in apps/web/vite.config.ts). */
const NONCE_PLACEHOLDER = '__CSP_NONCE__';

/**
 * The page's Content-Security-Policy: scripts only from this origin (the built bundles, nothing inline), styles
 * from this origin plus the `<style>` tags Mantine generates at run time, which carry this response's nonce.
 */
export const pagePolicy = (nonce: string): string =>
  [
    "default-src 'self'",
    "script-src 'self'",
    `style-src 'self' 'nonce-${nonce}'`,
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');

/**
 * Serves the web app at `/` on the API's own origin: hashed assets cached for a year, the page itself never
 * cached (it names the current assets, and carries a fresh CSP nonce and the language negotiated from
 * Accept-Language), and every other GET that asks for HTML outside /api answered with the page, so the app's
 * own routes survive a reload. Without a build (dist/web), only the API is served.
 */
export async function registerWebApp(app: NestFastifyApplication, root = WEB_ROOT): Promise<void> {
  const indexFile = join(root, 'index.html');
  if (!existsSync(indexFile)) {
    new Logger('WebApp').warn(`No web app at ${root} (run npm run build): serving the API only`);
    return;
  }
  const page = readFileSync(indexFile, 'utf8');
  const messagesChunks = messagesChunksOf(root);
  // @fastify/static, loaded only here: Jest (Node 20) cannot load it, and the in-process tests serve no web app
  const { default: fastifyStatic } = await import('@fastify/static');
  await app.register(fastifyStatic, {
    root,
    prefix: '/',
    // one route per built file; everything else falls through to the page or the API's 404
    wildcard: false,
    index: false,
    serveDotFiles: false,
    preCompressed: true,
    cacheControl: false,
    setHeaders: (reply, path) => {
      const hashed = path.startsWith(join(root, 'assets'));
      void reply.header('Cache-Control', hashed ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });

  const servePage = (request: FastifyRequest, reply: FastifyReply) => {
    const nonce = randomBytes(16).toString('base64');
    const language = negotiateLanguage(request.headers['accept-language']);
    const html = page
      .replace('</head>', `${firstPageHints(request, language, messagesChunks)}</head>`)
      .replaceAll(NONCE_PLACEHOLDER, nonce)
      .replace(/<html lang="[^"]*"/, `<html lang="${language}" data-negotiated-lang="${language}"`);
    return (
      reply
        .header('Content-Security-Policy', pagePolicy(nonce))
        .header('Cache-Control', 'no-cache')
        // the language, and for home whether there is a session, change what the page names in its head
        .header('Vary', 'Accept-Language, Cookie')
        .type('text/html; charset=utf-8')
        .send(html)
    );
  };
  const fastify = app.getHttpAdapter().getInstance();
  fastify.get('/', servePage);
  fastify.get('/*', (request, reply) => {
    const path = request.url.split('?')[0];
    if (path === '/api' || path.startsWith('/api/') || !acceptsHtml(request)) return reply.callNotFound();
    return servePage(request, reply);
  });
}

/** Each language's messages chunk (`src/i18n/messages/fr.json` → `assets/fr-….js`), from the build's manifest. */
function messagesChunksOf(root: string): Partial<Record<(typeof LANGUAGES)[number], string>> {
  const file = join(root, '.vite', 'manifest.json');
  if (!existsSync(file)) return {};
  const manifest = JSON.parse(readFileSync(file, 'utf8')) as Record<string, { file: string }>;
  return Object.fromEntries(
    LANGUAGES.flatMap((l) => (manifest[`src/i18n/messages/${l}.json`] ? [[l, manifest[`src/i18n/messages/${l}.json`].file]] : [])),
  );
}

/**
 * What the first page needs besides the app's own bundle, named in its <head> so the browser fetches it at once,
 * alongside the bundle, instead of one thing after another once the bundle runs (each a round trip on a slow
 * link): the negotiated language's messages, who is signed in, and, for the home page of someone with a session,
 * what their agency has to do. The app's own requests find these answers already there (same URL, same mode).
 */
function firstPageHints(
  request: FastifyRequest,
  language: (typeof LANGUAGES)[number],
  messagesChunks: Partial<Record<string, string>>,
): string {
  const hints: string[] = [];
  const messages = messagesChunks[language];
  if (messages) hints.push(`<link rel="modulepreload" crossorigin href="/${messages}" nonce="${NONCE_PLACEHOLDER}">`);
  hints.push('<link rel="preload" as="fetch" crossorigin href="/api/v1/auth/session">');
  if (request.url.split('?')[0] === '/' && sessionSecretOf(request))
    hints.push('<link rel="preload" as="fetch" crossorigin href="/api/v1/me/agenda">');
  return hints.map((hint) => `    ${hint}\n`).join('');
}

const acceptsHtml = (request: FastifyRequest): boolean => (request.headers.accept ?? '').includes('text/html');

/** The first of the app's languages in Accept-Language, by quality; English when none fits. */
export function negotiateLanguage(header: string | undefined): (typeof LANGUAGES)[number] {
  const ranked = (header ?? '')
    .split(',')
    .map((part, position) => {
      const [tag, ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { language: tag.trim().toLowerCase().split('-')[0], quality: q ? Number(q.slice(2)) : 1, position };
    })
    .filter((entry) => entry.quality > 0)
    .sort((a, b) => b.quality - a.quality || a.position - b.position);
  return (
    ranked.map((entry) => entry.language).find((l): l is (typeof LANGUAGES)[number] => (LANGUAGES as readonly string[]).includes(l)) ?? 'en'
  );
}
