import {
  applyDecorators,
  createParamDecorator,
  Injectable,
  SetMetadata,
  UseGuards,
  type CanActivate,
  type ExecutionContext,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import type { Actor, FunctionLevelPolicy } from '@hld/kernel';

const PERFORMS = 'hld:performs';

interface Performed {
  policy: FunctionLevelPolicy<string>;
  action: string;
}

const ANONYMOUS: Actor = { id: 'anonymous', role: 'anonymous', agency: null };

const actorOf = (context: ExecutionContext): Actor => context.switchToHttp().getRequest<FastifyRequest>().actor ?? ANONYMOUS;

/**
 * Names the action a route performs under a context's grant table: the function-level check, made before the body
 * is read or anything loaded (403 NOT_ALLOWED when the principal's role can never do it). Whether it may do it to
 * the very resource is asked of the same policy by the handler, once it holds the resource.
 */
export const Performs = <A extends string>(policy: FunctionLevelPolicy<A>, action: NoInfer<A>) =>
  applyDecorators(SetMetadata(PERFORMS, { policy, action }), UseGuards(PerformsGuard));

/** Runs after the authentication guard (a global guard), so the principal is known. */
@Injectable()
export class PerformsGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const performed = this.reflector.getAllAndOverride<Performed | undefined>(PERFORMS, [context.getHandler(), context.getClass()]);
    if (performed) performed.policy.assertMay(actorOf(context), performed.action);
    return true;
  }
}

/** The signed-in principal as the actor, for queries that answer "what may this principal do". */
export const Acting = createParamDecorator((_: unknown, context: ExecutionContext): Actor => actorOf(context));
