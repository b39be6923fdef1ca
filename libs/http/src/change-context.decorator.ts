import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { Actor, ChangeContext } from '@hld/kernel';
import { versionFromIfMatch } from './if-match.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** Set once per request by the authentication guard; handlers read it through @Change(). */
    actor?: Actor;
  }
}

/**
 * Who is acting and from which request: the ChangeContext every command takes. Built here, once, from
 * what the edge established (the principal, the request id, the Idempotency-Key), never from the body.
 */
export const Change = createParamDecorator((_: unknown, ctx: ExecutionContext): ChangeContext => {
  const request = ctx.switchToHttp().getRequest<FastifyRequest>();
  const idempotencyKey = header(request, 'idempotency-key');
  return {
    actor: request.actor ?? { id: 'anonymous', role: 'anonymous', agency: null },
    correlationId: String(request.id),
    ...(idempotencyKey ? { idempotencyKey } : {}),
    clientIp: request.ip,
  };
});

/**
 * The version the client last read, from `If-Match: "<version>"`, compared strongly (see versionFromIfMatch).
 * Undefined when absent, so the handler (not the edge) decides whether it is required (428).
 */
export const IfMatchVersion = createParamDecorator((_: unknown, ctx: ExecutionContext): number | undefined =>
  versionFromIfMatch(header(ctx.switchToHttp().getRequest<FastifyRequest>(), 'if-match')),
);

function header(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

export const etagOf = (version: number): string => `"${version}"`;
