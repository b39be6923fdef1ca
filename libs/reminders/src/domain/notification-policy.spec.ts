import { describeGrantTable } from '../../../../test/helpers/grant-tables.js';
import { NOTIFICATION_POLICY } from './notification-policy.js';

describeGrantTable(
  'The notifications grant table',
  NOTIFICATION_POLICY,
  {
    admin: ['review_deliveries', 'retry_delivery'],
    coordinator: [],
    system: [],
    'focal point of ILO': [],
    'focal point of IOM': [],
    viewer: [],
    'unknown role': [],
  },
  { cases: 7 * 2, allowed: 2 },
);
