import { GRANT_TABLE_ACTORS, grantCases } from '../../../../test/helpers/grant-tables.js';
import { REPORTING_CYCLE_ACTIONS, REPORTING_CYCLE_POLICY } from './reporting-cycle-policy.js';

const BOTH = ['open_cycle', 'change_cycle'] as const;

describe('The reporting cycles grant table', () => {
  const cases = grantCases(REPORTING_CYCLE_ACTIONS, {
    admin: BOTH,
    coordinator: BOTH,
    system: BOTH,
    'focal point of ILO': [],
    'focal point of IOM': [],
    viewer: [],
    'unknown role': [],
  });

  it('covers every actor and every action', () => {
    expect(cases).toHaveLength(7 * 2);
    expect(cases.filter(([, , allowed]) => allowed)).toHaveLength(6);
  });

  it.each(cases)('%s, %s → %s', (who, action, allowed) => {
    expect(REPORTING_CYCLE_POLICY.may(GRANT_TABLE_ACTORS[who], action).allowed).toBe(allowed);
  });

  it('a refusal is NOT_ALLOWED and names the roles that hold the action', () => {
    expect(() => REPORTING_CYCLE_POLICY.assertMay(GRANT_TABLE_ACTORS['focal point of ILO'], 'open_cycle')).toThrow(
      expect.objectContaining({ code: 'NOT_ALLOWED', details: { action: 'open_cycle', rule: 'reserved to admins and coordinators' } }),
    );
  });
});
