import { describeGrantTable, GRANT_TABLE_ACTORS } from '../../../../test/helpers/grant-tables.js';
import { IDENTITY_POLICY } from './identity-policy.js';

describeGrantTable(
  'The identity grant table',
  IDENTITY_POLICY,
  {
    admin: ['manage_users', 'list_users', 'list_focal_points'],
    coordinator: ['list_focal_points'],
    system: [],
    'focal point of ILO': [],
    'focal point of IOM': [],
    viewer: [],
    'unknown role': [],
  },
  { cases: 7 * 3, allowed: 4 },
);

it('a coordinator may not manage users: reserved to admins', () => {
  expect(IDENTITY_POLICY.may(GRANT_TABLE_ACTORS.coordinator, 'manage_users')).toEqual({ allowed: false, rule: 'reserved to admins' });
});
