import { GRANT_TABLE_ACTORS, grantCases } from '../../../../test/helpers/grant-tables.js';
import { NOTIFICATION_ACTIONS, NOTIFICATION_POLICY } from './notification-policy.js';

describe('The notifications grant table', () => {
  const cases = grantCases(NOTIFICATION_ACTIONS, {
    admin: ['review_deliveries', 'retry_delivery'],
    coordinator: [],
    system: [],
    'focal point of ILO': [],
    'focal point of IOM': [],
    viewer: [],
    'unknown role': [],
  });

  it('covers every actor and every action', () => {
    expect(cases).toHaveLength(7 * 2);
    expect(cases.filter(([, , allowed]) => allowed)).toHaveLength(2);
  });

  it.each(cases)('%s, %s → %s', (who, action, allowed) => {
    expect(NOTIFICATION_POLICY.may(GRANT_TABLE_ACTORS[who], action).allowed).toBe(allowed);
  });
});
