import { GRANT_TABLE_ACTORS, grantCases } from '../../../../test/helpers/grant-tables.js';
import { SUMMARY_ACTIONS, SUMMARY_POLICY } from './summary-policy.js';

describe('The annual summaries grant table', () => {
  const cases = grantCases(SUMMARY_ACTIONS, {
    admin: ['request_summary'],
    coordinator: ['request_summary'],
    system: ['request_summary'],
    'focal point of ILO': [],
    'focal point of IOM': [],
    viewer: [],
    'unknown role': [],
  });

  it('covers every actor and every action', () => {
    expect(cases).toHaveLength(7);
    expect(cases.filter(([, , allowed]) => allowed)).toHaveLength(3);
  });

  it.each(cases)('%s, %s → %s', (who, action, allowed) => {
    expect(SUMMARY_POLICY.may(GRANT_TABLE_ACTORS[who], action).allowed).toBe(allowed);
  });
});
