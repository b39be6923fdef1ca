/**
 * Which lib owns each table. Only the owner's source names a table in SQL; another context reads what the owner
 * publishes: its queries (through its index), or its `<lib>_public_<name>` views, which it migrates and keeps
 * stable (`commitments_public_commitments`). Checked by `db/table-owners.spec.ts` (part of `npm test`): a
 * table a migration creates must be listed here, and a lib's SQL that names another lib's table fails the check.
 */
export const TABLE_OWNERS = {
  // the event log and its consumers' checkpoints: reached through EventStore and EventSubscriptions
  events: 'persistence',
  subscription_checkpoints: 'persistence',
  idempotency_keys: 'http',
  agencies: 'agencies',
  agenda_items: 'agencies',
  commitment_view: 'commitments',
  commitment_status_counts: 'commitments',
  progress_reports: 'commitments',
  commitment_versions: 'commitments',
  extension_requests: 'commitments',
  users: 'identity',
  sessions: 'identity',
  api_tokens: 'identity',
  reporting_cycles: 'reporting-cycles',
  notifications: 'reminders',
  reminder_runs: 'reminders',
  annual_summaries: 'annual-summaries',
  annual_summary_files: 'annual-summaries',
  annual_summary_chunks: 'annual-summaries',
} as const satisfies Record<string, string>;

export type OwnedTable = keyof typeof TABLE_OWNERS;
