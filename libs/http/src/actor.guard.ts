import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { RequestValidationFailed } from './request-validation-failed.js';

const ACTOR = /^[A-Za-z0-9._@:+-]{1,100}$/;

/**
 * Establishes who is acting. For now the API is open and the actor is whoever the X-Actor header names
 * (or "anonymous"); real authentication replaces this one guard, and nothing else changes.
 */
@Injectable()
export class ActorGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const raw = request.headers['x-actor'];
    const value = Array.isArray(raw) ? raw[0] : raw;
    if (value !== undefined && !ACTOR.test(value)) {
      throw new RequestValidationFailed([{ field: 'X-Actor', message: 'must be 1-100 letters, digits or ._@:+-' }]);
    }
    request.actor = { id: value ?? 'anonymous', role: 'unauthenticated', agency: null };
    return true;
  }
}
