import { AccessPolicy, type GrantTable } from '@hld/kernel';

export const SUMMARY_ACTIONS = ['request_summary'] as const;
export type SummaryAction = (typeof SUMMARY_ACTIONS)[number];

/**
 * Coordinators (and admins) ask for a compilation; the scheduler does on the cycle's summary date, as `system`.
 * Everyone signed in lists and downloads.
 */
export const SUMMARY_GRANTS: GrantTable<SummaryAction> = {
  admin: { request_summary: 'any' },
  coordinator: { request_summary: 'any' },
  system: { request_summary: 'any' },
  focal_point: {},
  viewer: {},
};

export const SUMMARY_POLICY = new AccessPolicy<SummaryAction>({ actions: SUMMARY_ACTIONS, grants: SUMMARY_GRANTS, relations: {} });
