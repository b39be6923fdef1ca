import { describeGrantTable, GRANT_TABLE_ACTORS } from '../../../../test/helpers/grant-tables.js';
import { REPORTING_CYCLE_POLICY } from './reporting-cycle-policy.js';

const BOTH = ['open_cycle', 'change_cycle'] as const;

describeGrantTable(
  'The reporting cycles grant table',
  REPORTING_CYCLE_POLICY,
  { admin: BOTH, coordinator: BOTH, system: BOTH, 'focal point of ILO': [], 'focal point of IOM': [], viewer: [], 'unknown role': [] },
  { cases: 7 * 2, allowed: 6 },
);

it('a refusal of a reporting cycle action names the roles that hold it', () => {
  expect(REPORTING_CYCLE_POLICY.may(GRANT_TABLE_ACTORS['focal point of ILO'], 'open_cycle')).toEqual({
    allowed: false,
    rule: 'reserved to admins and coordinators',
  });
});
