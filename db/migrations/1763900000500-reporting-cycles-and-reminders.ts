import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Reporting cycles (read model of their events), due-date extensions on commitments, the notification ledger,
 * the record of scheduled reminder runs, and the checkpoints of event subscriptions.
 */
export class ReportingCyclesAndReminders1763900000500 implements MigrationInterface {
  name = 'ReportingCyclesAndReminders1763900000500';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE reporting_cycles (
        year                  integer PRIMARY KEY CHECK (year BETWEEN 2013 AND 2100),
        id                    uuid        NOT NULL UNIQUE,
        opens_at              timestamptz NOT NULL,
        deadline              timestamptz NOT NULL,
        meeting_date          timestamptz,
        summary_date          timestamptz,
        time_zone             text        NOT NULL,
        reminder_offsets_days integer[]   NOT NULL,
        version               integer     NOT NULL,
        updated_at            timestamptz NOT NULL,
        CHECK (opens_at < deadline)
      )`);

    await q.query(`ALTER TABLE commitment_view ADD COLUMN original_due_date date`);
    await q.query(`ALTER TABLE commitment_view ADD COLUMN pending_extension jsonb`);

    await q.query(`
      CREATE TABLE notifications (
        id              uuid PRIMARY KEY,
        recipient_id    uuid        NOT NULL REFERENCES users (id),
        recipient_email text        NOT NULL,
        kind            text        NOT NULL,
        subject         text        NOT NULL,
        body_text       text        NOT NULL,
        body_html       text        NOT NULL,
        -- one notification per decision: a re-run of the same reminder finds its rows already there
        dedupe_key      text        NOT NULL UNIQUE,
        status          text        NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sending', 'sent', 'failed', 'suppressed')),
        attempts        integer     NOT NULL DEFAULT 0,
        next_attempt_at timestamptz NOT NULL DEFAULT now(),
        -- the next_attempt_at a delivery job was queued for: the poll queues each attempt once, not every tick
        dispatched_for  timestamptz,
        lease_until     timestamptz,
        last_error      text,
        created_at      timestamptz NOT NULL DEFAULT now(),
        sent_at         timestamptz,
        read_at         timestamptz
      )`);
    await q.query(`CREATE INDEX notifications_due_idx ON notifications (next_attempt_at) WHERE status IN ('pending', 'sending')`);
    await q.query(`CREATE INDEX notifications_recipient_idx ON notifications (recipient_id, created_at DESC)`);
    await q.query(`CREATE INDEX notifications_status_idx ON notifications (status, created_at DESC)`);

    await q.query(`
      CREATE TABLE reminder_runs (
        job_key     text PRIMARY KEY,
        fire_at     timestamptz NOT NULL,
        ran_at      timestamptz NOT NULL DEFAULT now(),
        notified    integer     NOT NULL
      )`);

    await q.query(`
      CREATE TABLE subscription_checkpoints (
        name           text PRIMARY KEY,
        -- read in (transaction_id, position) order: positions commit out of order, transaction ids below the
        -- snapshot's xmin are all finished
        transaction_id xid8   NOT NULL,
        position       bigint NOT NULL
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE subscription_checkpoints');
    await q.query('DROP TABLE reminder_runs');
    await q.query('DROP TABLE notifications');
    await q.query('ALTER TABLE commitment_view DROP COLUMN pending_extension');
    await q.query('ALTER TABLE commitment_view DROP COLUMN original_due_date');
    await q.query('DROP TABLE reporting_cycles');
  }
}
