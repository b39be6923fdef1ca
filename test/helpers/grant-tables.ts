import type { AccessPolicy, Actor } from '@hld/kernel';

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

/**
 * The table-driven test of a grant table without relations: every actor × every action against `expected`, written
 * out in the spec (not derived from the table), and how many cases there are and how many are allowed, so a table
 * or a list that went empty cannot pass.
 */
export function describeGrantTable<A extends string>(
  name: string,
  policy: AccessPolicy<A>,
  expected: Record<GrantTableActor, readonly A[]>,
  counts: { cases: number; allowed: number },
): void {
  describe(name, () => {
    const cases = (Object.keys(GRANT_TABLE_ACTORS) as GrantTableActor[]).flatMap((who) =>
      policy.actions.map((action) => [who, action, expected[who].includes(action)] as const),
    );

    it('covers every actor and every action', () => {
      expect(cases).toHaveLength(counts.cases);
      expect(cases.filter(([, , allowed]) => allowed)).toHaveLength(counts.allowed);
    });

    it.each(cases)('%s, %s → %s', (who, action, allowed) => {
      expect(policy.may(GRANT_TABLE_ACTORS[who], action).allowed).toBe(allowed);
      if (!allowed)
        expect(() => policy.assertMay(GRANT_TABLE_ACTORS[who], action)).toThrow(expect.objectContaining({ code: 'NOT_ALLOWED' }));
    });
  });
}
