import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Two things the focal point's home page and inbox read:
 * - `extension_requests` (commitments): every due-date extension request with its outcome, kept in step with the
 *   events like the other read models (the pending one was already in commitment_view; a decided one lived only
 *   in the log). Filled here from the events already there.
 * - `notifications.link` and `notifications.facts` (reminders): the web page a notification speaks of (a path on
 *   the web app, e.g. `/commitments/ILO-a`), and the few values it was written with (year, agency, counts,
 *   code), so that the inbox can say it in the reader's language. Earlier notifications have neither.
 */
export class ExtensionRequestsAndNotificationLinks1763900002600 implements MigrationInterface {
  name = 'ExtensionRequestsAndNotificationLinks1763900002600';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE extension_requests (
        request_id        uuid PRIMARY KEY,
        commitment_id     uuid        NOT NULL,
        due_date          date        NOT NULL,
        reason            text        NOT NULL,
        requested_at      timestamptz NOT NULL,
        requested_by      text        NOT NULL,
        outcome           text        NOT NULL DEFAULT 'pending' CHECK (outcome IN ('pending', 'approved', 'declined')),
        decided_at        timestamptz,
        decided_by        text,
        comment           text,
        -- the due date an approval replaced
        previous_due_date date
      )`);
    await q.query(`CREATE INDEX extension_requests_commitment_idx ON extension_requests (commitment_id, requested_at DESC)`);
    await q.query(`
      INSERT INTO extension_requests (request_id, commitment_id, due_date, reason, requested_at, requested_by)
      SELECT (payload->>'requestId')::uuid, stream_id, (payload->>'dueDate')::date, payload->>'reason', effective_at, metadata->'actor'->>'id'
      FROM events WHERE stream_type = 'commitment' AND type = 'CommitmentExtensionRequested'`);
    await q.query(`
      UPDATE extension_requests r
      SET outcome = CASE e.type WHEN 'CommitmentExtensionApproved' THEN 'approved' ELSE 'declined' END,
          decided_at = e.effective_at, decided_by = e.metadata->'actor'->>'id', comment = e.payload->>'comment',
          previous_due_date = (e.payload->>'previousDueDate')::date
      FROM events e
      WHERE e.stream_type = 'commitment' AND e.type IN ('CommitmentExtensionApproved', 'CommitmentExtensionDeclined')
        AND (e.payload->>'requestId')::uuid = r.request_id`);

    await q.query(`ALTER TABLE notifications ADD COLUMN link text, ADD COLUMN facts jsonb`);
    // the inbox: unread first, then newest
    await q.query(`CREATE INDEX notifications_inbox_idx ON notifications (recipient_id, (read_at IS NULL) DESC, created_at DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX notifications_inbox_idx');
    await q.query('ALTER TABLE notifications DROP COLUMN link, DROP COLUMN facts');
    await q.query('DROP TABLE extension_requests');
  }
}
