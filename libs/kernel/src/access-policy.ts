import type { Actor } from './actor.js';
import { DomainError } from './domain-error.js';
import { ROLES, type Role } from './roles.js';

/** Who a grant is given to: the roles of users, and `system` (the catalogue load, scheduled jobs). */
export type Grantee = Role | 'system';
export const GRANTEES: readonly Grantee[] = [...ROLES, 'system'];

/**
 * Where a grant holds: `any` on every resource, or only where the actor has the named relation to the resource
 * (e.g. `lead`: its agency leads the commitment). Relations are defined by the policy that uses them.
 */
export type Scope<R extends string> = 'any' | R;

/**
 * A context's rules as one table: for every grantee, the actions it may take and where. An action missing from a
 * grantee's row is refused. Every grantee has a row, so a new role makes every table say what it may do.
 */
export type GrantTable<A extends string, R extends string = never> = Readonly<Record<Grantee, Readonly<Partial<Record<A, Scope<R>>>>>>;

export interface Relation<T> {
  /** Whether the actor stands in this relation to the resource. */
  holds(actor: Actor, resource: T): boolean;
  /** The rule a refusal names when it does not. */
  rule: string;
}

/** The answer to "may this actor do this": yes or no, and the rule that decided it. */
export interface Decision {
  allowed: boolean;
  rule: string;
}

export interface PolicyDefinition<A extends string, R extends string, T> {
  actions: readonly A[];
  grants: GrantTable<A, R>;
  relations: { readonly [K in R]: Relation<T> };
  /** How a refusal names the resource ("on SG8-1"). */
  describe?: (resource: T) => string;
}

/** Refused by a grant table: 403 with the action and the rule in the problem body. */
export class NotAllowed extends DomainError {
  constructor(actor: Actor, action: string, rule: string, resource?: string) {
    super(
      'NOT_ALLOWED',
      'forbidden',
      `${actor.role ?? 'This user'} ${actor.agency ? `of ${actor.agency} ` : ''}may not ${action.replace(/_/g, ' ')}${resource ? ` on ${resource}` : ''}: ${rule}.`,
      { action, rule },
    );
  }
}

const PLURAL: Record<Grantee, string> = {
  admin: 'admins',
  coordinator: 'coordinators',
  focal_point: 'focal points',
  viewer: 'viewers',
  system: 'system actors',
};

/** What the edge needs of a policy: the check made before the resource is known. */
export interface FunctionLevelPolicy<A extends string> {
  assertMay(actor: Actor, action: A): void;
}

/**
 * Evaluates one context's grant table. The edge asks it before anything is read (`may(actor, action)`: could this
 * role ever do it?), the handler asks it again with the loaded resource. Framework-free, like the rest of the kernel.
 */
export class AccessPolicy<A extends string, R extends string = never, T = never> implements FunctionLevelPolicy<A> {
  /** The refusal of each action to a grantee without it, worked out once from the table. */
  private readonly reserved: ReadonlyMap<A, string>;

  constructor(private readonly definition: PolicyDefinition<A, R, T>) {
    this.reserved = new Map(definition.actions.map((action) => [action, reservedTo(definition.grants, action)]));
  }

  get actions(): readonly A[] {
    return this.definition.actions;
  }

  /**
   * May `actor` do `action`, on `resource`? Without a resource the answer is the function-level one: a grant
   * limited to a relation allows it, and the caller must ask again once it holds the resource.
   */
  may(actor: Actor, action: A, resource?: T): Decision {
    const row = this.row(actor);
    if (!row) return { allowed: false, rule: 'unknown role' };
    const scope = row[action];
    if (scope === undefined) return { allowed: false, rule: this.reserved.get(action) ?? reservedTo(this.definition.grants, action) };
    if (scope === 'any') return { allowed: true, rule: `granted to ${PLURAL[actor.role as Grantee]}` };
    const relation = this.definition.relations[scope as R];
    if (resource === undefined)
      return { allowed: true, rule: `granted to ${PLURAL[actor.role as Grantee]} where ${scope}, once the resource is known` };
    return relation.holds(actor, resource)
      ? { allowed: true, rule: `granted to ${PLURAL[actor.role as Grantee]} where ${scope}` }
      : { allowed: false, rule: relation.rule };
  }

  /** Throws NotAllowed (403) unless `may` allows it. */
  assertMay(actor: Actor, action: A, resource?: T): void {
    const decision = this.may(actor, action, resource);
    if (!decision.allowed) {
      throw new NotAllowed(actor, action, decision.rule, resource === undefined ? undefined : this.definition.describe?.(resource));
    }
  }

  private row(actor: Actor): GrantTable<A, R>[Grantee] | undefined {
    const role = actor.role ?? '';
    return (GRANTEES as readonly string[]).includes(role) ? this.definition.grants[role as Grantee] : undefined;
  }
}

/** "reserved to admins and coordinators": the user roles that hold the action, read from the table itself. */
function reservedTo<A extends string>(grants: GrantTable<A, string>, action: A): string {
  const holders = ROLES.filter((role) => grants[role][action] !== undefined).map((role) => PLURAL[role]);
  if (holders.length === 0) return 'reserved to system actors';
  return `reserved to ${holders.length === 1 ? holders[0] : `${holders.slice(0, -1).join(', ')} and ${holders[holders.length - 1]}`}`;
}
