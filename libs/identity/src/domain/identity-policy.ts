import { AccessPolicy, type GrantTable } from '@hld/kernel';

export const IDENTITY_ACTIONS = ['manage_users', 'list_users', 'list_focal_points'] as const;
export type IdentityAction = (typeof IDENTITY_ACTIONS)[number];

/**
 * Admins create, change and deactivate users and see everyone; coordinators see the focal points they work with.
 * Everyone manages their own password and API tokens (`/me`), which needs no grant.
 */
export const IDENTITY_GRANTS: GrantTable<IdentityAction> = {
  admin: { manage_users: 'any', list_users: 'any', list_focal_points: 'any' },
  coordinator: { list_focal_points: 'any' },
  system: {},
  focal_point: {},
  viewer: {},
};

export const IDENTITY_POLICY = new AccessPolicy<IdentityAction>({ actions: IDENTITY_ACTIONS, grants: IDENTITY_GRANTS, relations: {} });
