import { createHash } from 'node:crypto';
import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { HTTP_CODE_METADATA } from '@nestjs/common/constants.js';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { from, mergeMap, Observable, of, catchError, throwError } from 'rxjs';
import { DomainError } from '@hld/kernel';
import { Environment } from '@hld/config';
import { IdempotencyStore } from './idempotency.store.js';
import { RequestValidationFailed } from './request-validation-failed.js';

const KEY = /^[\x21-\x7e]{1,255}$/;
/** Response headers worth replaying: they describe the resource the first request created or changed. */
const REPLAYED_HEADERS = ['etag', 'location'];

export class IdempotencyKeyReused extends DomainError {
  constructor() {
    super('IDEMPOTENCY_KEY_REUSED', 'unprocessable', 'This Idempotency-Key was already used with a different request.', {}, [
      { field: 'Idempotency-Key', message: 'was already used with a different body or path' },
    ]);
  }
}

export class IdempotentRequestInProgress extends DomainError {
  constructor() {
    super('IDEMPOTENT_REQUEST_IN_PROGRESS', 'conflict', 'A request with this Idempotency-Key is still being processed; retry shortly.');
  }
}

/** Canonical JSON: object keys sorted, so the same body always has the same fingerprint. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/**
 * Idempotency-Key on POST (IETF draft semantics): the same key and body replay the first answer and
 * change nothing; the same key with another body is 422; a duplicate while the first runs is 409.
 * Keys are scoped to the acting principal and expire after IDEMPOTENCY_TTL_SECONDS.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(
    private readonly store: IdempotencyStore,
    private readonly reflector: Reflector,
    private readonly env: Environment,
  ) {}

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    const raw = request.headers['idempotency-key'];
    const key = Array.isArray(raw) ? raw[0] : raw;
    // only for signed-in principals: keys are scoped to them, and sign-in must never replay tokens
    if (request.method !== 'POST' || key === undefined || !request.actor) return next.handle();
    if (!KEY.test(key))
      throw new RequestValidationFailed([{ field: 'Idempotency-Key', message: 'must be 1-255 visible ASCII characters' }]);

    const scope = request.actor.id;
    const hash = createHash('sha256')
      .update(`${request.method} ${request.url}\n${canonical(request.body)}`)
      .digest('hex');
    const claim = await this.store.claim(scope, key, hash, this.env.IDEMPOTENCY_TTL_SECONDS);
    switch (claim.outcome) {
      case 'mismatch':
        throw new IdempotencyKeyReused();
      case 'in_progress':
        throw new IdempotentRequestInProgress();
      case 'replay':
        void reply.status(claim.status).headers({ ...claim.headers, 'idempotent-replayed': 'true' });
        return of(claim.body);
      case 'claimed':
        break;
    }

    const status = this.reflector.get<number | undefined>(HTTP_CODE_METADATA, context.getHandler()) ?? 201;
    return next.handle().pipe(
      mergeMap(async (body) => {
        const headers: Record<string, string> = {};
        for (const name of REPLAYED_HEADERS) {
          const value = reply.getHeader(name);
          if (value !== undefined) headers[name] = String(value);
        }
        await this.store.complete(scope, key, status, headers, body);
        return body;
      }),
      catchError((error: unknown) => from(this.store.release(scope, key)).pipe(mergeMap(() => throwError(() => error)))),
    );
  }
}
