import { DomainError, type Actor } from '@hld/kernel';

/** Cycles are planned by coordinators (and admins); scheduled jobs act as `system`. */
export function assertCoordinator(actor: Actor): void {
  if (!['coordinator', 'admin', 'system'].includes(actor.role ?? '')) {
    throw new DomainError('NOT_ALLOWED', 'forbidden', 'Only coordinators plan reporting cycles.', { rule: 'reserved to coordinators' });
  }
}
