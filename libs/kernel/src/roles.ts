/** The roles a signed-in user can have. `system` is for scheduled jobs and the catalogue load. */
export const ROLES = ['admin', 'coordinator', 'focal_point', 'viewer'] as const;
export type Role = (typeof ROLES)[number];
