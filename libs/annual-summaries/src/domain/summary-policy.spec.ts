import { describeGrantTable } from '../../../../test/helpers/grant-tables.js';
import { SUMMARY_POLICY } from './summary-policy.js';

const REQUEST = ['request_summary'] as const;

describeGrantTable(
  'The annual summaries grant table',
  SUMMARY_POLICY,
  {
    admin: REQUEST,
    coordinator: REQUEST,
    system: REQUEST,
    'focal point of ILO': [],
    'focal point of IOM': [],
    viewer: [],
    'unknown role': [],
  },
  { cases: 7, allowed: 3 },
);
