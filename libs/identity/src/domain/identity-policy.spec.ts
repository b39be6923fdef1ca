import { GRANT_TABLE_ACTORS, grantCases } from '../../../../test/helpers/grant-tables.js';
import { IDENTITY_ACTIONS, IDENTITY_POLICY } from './identity-policy.js';

describe('The identity grant table', () => {
  const cases = grantCases(IDENTITY_ACTIONS, {
    admin: ['manage_users', 'list_users', 'list_focal_points'],
    coordinator: ['list_focal_points'],
    system: [],
    'focal point of ILO': [],
    'focal point of IOM': [],
    viewer: [],
    'unknown role': [],
  });

  it('covers every actor and every action', () => {
    expect(cases).toHaveLength(7 * 3);
    expect(cases.filter(([, , allowed]) => allowed)).toHaveLength(4);
  });

  it.each(cases)('%s, %s → %s', (who, action, allowed) => {
    expect(IDENTITY_POLICY.may(GRANT_TABLE_ACTORS[who], action).allowed).toBe(allowed);
  });

  it('a coordinator may not manage users: reserved to admins', () => {
    expect(IDENTITY_POLICY.may(GRANT_TABLE_ACTORS.coordinator, 'manage_users')).toEqual({ allowed: false, rule: 'reserved to admins' });
  });
});
