import { CanActivate, ExecutionContext, Injectable, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { mayEver, NotAllowed, type CommitmentAction } from '../domain/access-policy.js';

const ACTION = 'hld:commitment-action';

/** Names the commitment action a route performs, so the policy can refuse it before the body is even read. */
export const PerformsAction = (action: CommitmentAction) => SetMetadata(ACTION, action);

/**
 * The function-level half of the commitment policy: refuses (403) an action the principal's role can never
 * perform. Whether it may perform it on this commitment is decided by the handler, with the same policy.
 */
@Injectable()
export class CommitmentActionGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const action = this.reflector.get<CommitmentAction | undefined>(ACTION, context.getHandler());
    const actor = context.switchToHttp().getRequest<FastifyRequest>().actor;
    if (!action || !actor) return true;
    if (!mayEver(actor, action)) throw new NotAllowed(actor, action, actor.role === 'viewer' ? 'viewers only read' : 'reserved to coordinators');
    return true;
  }
}
