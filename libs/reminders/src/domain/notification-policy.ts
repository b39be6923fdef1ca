import { AccessPolicy, type GrantTable } from '@hld/kernel';

export const NOTIFICATION_ACTIONS = ['review_deliveries', 'retry_delivery'] as const;
export type NotificationAction = (typeof NOTIFICATION_ACTIONS)[number];

/** Only admins look into the delivery ledger and put a failed notification back in line. Everyone reads their own inbox. */
export const NOTIFICATION_GRANTS: GrantTable<NotificationAction> = {
  admin: { review_deliveries: 'any', retry_delivery: 'any' },
  coordinator: {},
  system: {},
  focal_point: {},
  viewer: {},
};

export const NOTIFICATION_POLICY = new AccessPolicy<NotificationAction>({
  actions: NOTIFICATION_ACTIONS,
  grants: NOTIFICATION_GRANTS,
  relations: {},
});
