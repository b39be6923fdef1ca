import { AccessPolicy, type GrantTable } from '@hld/kernel';

export const REPORTING_CYCLE_ACTIONS = ['open_cycle', 'change_cycle'] as const;
export type ReportingCycleAction = (typeof REPORTING_CYCLE_ACTIONS)[number];

/** Cycles are planned and revised by coordinators (and admins); scheduled jobs act as `system`. Everyone reads them. */
export const REPORTING_CYCLE_GRANTS: GrantTable<ReportingCycleAction> = {
  admin: { open_cycle: 'any', change_cycle: 'any' },
  coordinator: { open_cycle: 'any', change_cycle: 'any' },
  system: { open_cycle: 'any', change_cycle: 'any' },
  focal_point: {},
  viewer: {},
};

export const REPORTING_CYCLE_POLICY = new AccessPolicy<ReportingCycleAction>({
  actions: REPORTING_CYCLE_ACTIONS,
  grants: REPORTING_CYCLE_GRANTS,
  relations: {},
});
