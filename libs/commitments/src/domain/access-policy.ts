import { DomainError, type Actor } from '@hld/kernel';
import type { CommitmentState } from './commitment.js';
import type { TransitionAction } from './lifecycle.js';

/** Everything a user can do to commitments, in the words the rules use. */
export type CommitmentAction =
  | 'register'
  | 'revise'
  | 'assign_owners'
  | 'set_due_date'
  | 'report_progress'
  | 'request_extension'
  | 'decide_extension'
  | TransitionAction;

const ALL: readonly CommitmentAction[] = [
  'register',
  'revise',
  'assign_owners',
  'set_due_date',
  'report_progress',
  'request_extension',
  'decide_extension',
  'accept',
  'start',
  'submit_for_review',
  'validate_completion',
  'return_for_work',
  'discontinue',
  'reopen',
];

interface Grant {
  /** Allowed on every commitment. */
  any: readonly CommitmentAction[];
  /** Allowed on commitments the actor's agency leads. */
  lead: readonly CommitmentAction[];
  /** Allowed on commitments the actor's agency leads or supports. */
  owner: readonly CommitmentAction[];
}

/**
 * Who may do what, as one table. Focal points act for their own agency only; coordinators (and admins) act on
 * everything; viewers only read; system actors (the catalogue load, scheduled jobs) act on everything.
 */
const GRANTS: Record<string, Grant> = {
  admin: { any: ALL, lead: [], owner: [] },
  coordinator: { any: ALL, lead: [], owner: [] },
  system: { any: ALL, lead: [], owner: [] },
  focal_point: { any: [], lead: ['accept', 'start', 'submit_for_review', 'request_extension'], owner: ['report_progress'] },
  viewer: { any: [], lead: [], owner: [] },
};

export class NotAllowed extends DomainError {
  constructor(actor: Actor, action: CommitmentAction, rule: string, code?: string) {
    super(
      'NOT_ALLOWED',
      'forbidden',
      `${actor.role ?? 'This user'} ${actor.agency ? `of ${actor.agency} ` : ''}may not ${action.replace(/_/g, ' ')}${code ? ` on ${code}` : ''}: ${rule}.`,
      { action, rule },
    );
  }
}

/** May `actor` do `action` at all (before knowing which commitment)? The function-level half of the rules. */
export function mayEver(actor: Actor, action: CommitmentAction): boolean {
  const grant = GRANTS[actor.role ?? ''];
  return !!grant && (grant.any.includes(action) || grant.lead.includes(action) || grant.owner.includes(action));
}

/** Throws NotAllowed unless `actor` may do `action` on this commitment. */
export function assertMay(actor: Actor, action: CommitmentAction, commitment?: Pick<CommitmentState, 'code' | 'leadAgency' | 'supportingAgencies'>): void {
  const grant = GRANTS[actor.role ?? ''];
  if (!grant) throw new NotAllowed(actor, action, 'unknown role');
  if (grant.any.includes(action)) return;
  const agency = actor.agency;
  if (grant.lead.includes(action)) {
    if (commitment && agency && commitment.leadAgency === agency) return;
    throw new NotAllowed(actor, action, 'a focal point acts only on commitments its agency leads', commitment?.code);
  }
  if (grant.owner.includes(action)) {
    if (commitment && agency && (commitment.leadAgency === agency || commitment.supportingAgencies.includes(agency))) return;
    throw new NotAllowed(actor, action, 'a focal point reports only on commitments its agency leads or supports', commitment?.code);
  }
  throw new NotAllowed(actor, action, actor.role === 'viewer' ? 'viewers only read' : 'reserved to coordinators', commitment?.code);
}
