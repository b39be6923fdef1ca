import { AccessPolicy, type Actor, type GrantTable } from '@hld/kernel';
import { availableActions, COMMITMENT_ACTIONS, type AvailableAction, type CommitmentAction, type CommitmentState } from './commitment.js';

export { NotAllowed } from '@hld/kernel';
export type { CommitmentAction } from './commitment.js';

/** What the rules need to know of a commitment: whose it is. */
type Owners = Pick<CommitmentState, 'code' | 'leadAgency' | 'supportingAgencies'>;
type Relation = 'lead' | 'owner';

const EVERYWHERE = Object.fromEntries(COMMITMENT_ACTIONS.map((action) => [action, 'any'])) as Record<CommitmentAction, 'any'>;

/**
 * Who may do what to commitments, as one table. Focal points act for their own agency only (`lead`: on what it
 * leads; `owner`: on what it leads or supports); coordinators (and admins) act on everything; viewers only read;
 * system actors (the catalogue load, scheduled jobs) act on everything.
 */
export const COMMITMENT_GRANTS: GrantTable<CommitmentAction, Relation> = {
  admin: EVERYWHERE,
  coordinator: EVERYWHERE,
  system: EVERYWHERE,
  focal_point: { accept: 'lead', start: 'lead', submit_for_review: 'lead', request_extension: 'lead', report_progress: 'owner' },
  viewer: {},
};

export const COMMITMENT_POLICY = new AccessPolicy<CommitmentAction, Relation, Owners>({
  actions: COMMITMENT_ACTIONS,
  grants: COMMITMENT_GRANTS,
  relations: {
    lead: {
      holds: (actor, c) => !!actor.agency && c.leadAgency === actor.agency,
      rule: 'a focal point acts only on commitments its agency leads',
    },
    owner: {
      holds: (actor, c) => !!actor.agency && (c.leadAgency === actor.agency || c.supportingAgencies.includes(actor.agency)),
      rule: 'a focal point reports only on commitments its agency leads or supports',
    },
  },
  describe: (c) => c.code,
});

/** The object-level check of every command: throws NotAllowed (403) unless `actor` may do `action` to this commitment. */
export function assertMay(actor: Actor, action: CommitmentAction, commitment?: Owners): void {
  COMMITMENT_POLICY.assertMay(actor, action, commitment);
}

/**
 * What may `actor` do to this commitment now? The actions its state allows (the aggregate's answer, from the
 * lifecycle table) that the policy grants this actor. The API's `allowedActions`; the web app shows only these.
 */
export function allowedActions(actor: Actor, commitment: Owners & Parameters<typeof availableActions>[0]): AvailableAction[] {
  return availableActions(commitment).filter(({ action }) => COMMITMENT_POLICY.may(actor, action, commitment).allowed);
}
