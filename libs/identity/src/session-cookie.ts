import type { FastifyRequest } from 'fastify';
import { parseCookie, stringifySetCookie, type SetCookie } from 'cookie';
import { CsrfHeaderMissing } from './identity-errors.js';

/**
 * The web app's session cookie: HttpOnly (no script reads it), SameSite=Lax (a link followed from a webmail
 * arrives signed in; a cross-site form post does not carry it), Path=/. Outside localhost it is Secure and
 * named with the `__Host-` prefix, which browsers accept only when Secure, Path=/ and without Domain.
 */
const LOCAL_NAME = 'hld_session';
const SECURE_NAME = '__Host-hld_session';
/** Its names, for the OpenAPI document's security scheme. */
export const SESSION_COOKIE = { name: SECURE_NAME, localName: LOCAL_NAME } as const;

/** The header a cookie-authenticated request that changes something must carry (a cross-site form cannot set one). */
export const CSRF_HEADER = 'x-requested-with';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

const isLocal = (request: FastifyRequest): boolean => ['localhost', '127.0.0.1', '[::1]', '::1'].includes(request.hostname);

export function sessionSecretOf(request: FastifyRequest): string | undefined {
  const header = request.headers.cookie;
  if (!header) return undefined;
  const cookies = parseCookie(header);
  return cookies[SECURE_NAME] || cookies[LOCAL_NAME] || undefined;
}

export function sessionCookie(request: FastifyRequest, secret: string, maxAgeSeconds: number): string {
  return stringifySetCookie(attributes(request, secret, maxAgeSeconds));
}

export function clearedSessionCookie(request: FastifyRequest): string {
  return stringifySetCookie({ ...attributes(request, '', 0), expires: new Date(0) });
}

function attributes(request: FastifyRequest, value: string, maxAge: number): SetCookie {
  const secure = !isLocal(request);
  return { name: secure ? SECURE_NAME : LOCAL_NAME, value, httpOnly: true, sameSite: 'lax', path: '/', secure, maxAge };
}

/** Refuses a state-changing request without the CSRF header (403): only for credentials a browser sends by itself. */
export function assertCsrfHeader(request: FastifyRequest): void {
  if (SAFE_METHODS.has(request.method)) return;
  const value = request.headers[CSRF_HEADER];
  if (typeof value !== 'string' || value.trim() === '') throw new CsrfHeaderMissing();
}
