// After `vite build`: a Brotli and a gzip copy of every text asset, which the API serves to browsers that
// accept them (@fastify/static's preCompressed), so nothing is compressed per request.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const dir = new URL('../../dist/web/assets/', import.meta.url);
let before = 0;
let after = 0;
for (const name of readdirSync(dir)) {
  if (!/\.(js|css|svg|json)$/.test(name)) continue;
  const content = readFileSync(new URL(name, dir));
  const brotli = brotliCompressSync(content, {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: content.length },
  });
  writeFileSync(join(dir.pathname, `${name}.br`), brotli);
  writeFileSync(join(dir.pathname, `${name}.gz`), gzipSync(content, { level: 9 }));
  before += content.length;
  after += brotli.length;
}
console.log(`web assets: ${Math.round(before / 1024)} KiB, ${Math.round(after / 1024)} KiB with Brotli`);
