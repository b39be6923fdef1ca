import type { NestFastifyApplication } from '@nestjs/platform-fastify';

/** One route as Fastify serves it: `GET /api/v1/commitments/:idOrCode`. */
export interface ServedRoute {
  method: string;
  path: string;
}

/**
 * Every route the app's Fastify instance serves, read from its own route table (`printRoutes`), so that a test
 * enumerating routes cannot miss one that a controller adds. HEAD routes (Fastify's automatic twins of GET) are left out.
 */
export function servedRoutes(app: NestFastifyApplication): ServedRoute[] {
  const tree = app.getHttpAdapter().getInstance().printRoutes({ commonPrefix: false });
  const prefixes: string[] = [];
  const routes: ServedRoute[] = [];
  for (const line of tree.split('\n')) {
    const match = /^([│ ]*)[├└]── (\S+)(?: \(([^)]*)\))?$/.exec(line.replace(/\s+$/, ''));
    if (!match) continue;
    const depth = match[1].length / 4;
    const path = (prefixes[depth - 1] ?? '') + match[2];
    prefixes[depth] = path;
    prefixes.length = depth + 1;
    for (const method of match[3]?.split(',').map((m) => m.trim()) ?? []) {
      if (method !== 'HEAD') routes.push({ method, path });
    }
  }
  return routes;
}

/** `/api/v1/commitments/{idOrCode}` (OpenAPI) → `/api/v1/commitments/:idOrCode` (Fastify). */
export const fastifyPath = (openApiPath: string): string => openApiPath.replace(/\{([^}]+)\}/g, ':$1');
