import type { Actor } from '@hld/kernel';

/**
 * Every kind of actor a grant table must answer for. The tables without a relation to a resource ignore a focal
 * point's agency: two focal points of different agencies show it.
 */
export const GRANT_TABLE_ACTORS = {
  admin: { id: 'a', role: 'admin', agency: null },
  coordinator: { id: 'c', role: 'coordinator', agency: null },
  system: { id: 'system:scheduler', role: 'system', agency: null },
  'focal point of ILO': { id: 'f1', role: 'focal_point', agency: 'ILO' },
  'focal point of IOM': { id: 'f2', role: 'focal_point', agency: 'IOM' },
  viewer: { id: 'v', role: 'viewer', agency: null },
  'unknown role': { id: 'x', role: 'anonymous', agency: null },
} satisfies Record<string, Actor>;

export type GrantTableActor = keyof typeof GRANT_TABLE_ACTORS;

/** Every actor × every action, with whether the written-out `expected` table allows it. */
export function grantCases<A extends string>(actions: readonly A[], expected: Record<GrantTableActor, readonly A[]>): Array<[GrantTableActor, A, boolean]> {
  return (Object.keys(GRANT_TABLE_ACTORS) as GrantTableActor[]).flatMap((who) => actions.map((action): [GrantTableActor, A, boolean] => [who, action, expected[who].includes(action)]));
}
