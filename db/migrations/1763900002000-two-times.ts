import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Two times on every fact (docs/architecture.md, "Two times"):
 * - `effective_at`: when it happened in the world (a status change learned of by email, dated by its author);
 * - `recorded_at`: when the system recorded it, by the application's clock (the column was `occurred_at`).
 * The column that held the database server's clock at insert (`recorded_at` until now, read by nothing) is kept
 * for audit as `inserted_at`. Existing events happened when they were recorded: `effective_at` is backfilled from
 * the recorded time, the one UPDATE the log ever takes (its append-only trigger is off for that statement only).
 *
 * `commitment_versions` is the bitemporal read model: each row is a commitment's state over an effective period
 * [effective_from, effective_to) as the system knew it over a recorded period [recorded_from, recorded_to); NULL
 * ends are open. It starts empty: on a database with events, run `npm run projections:rebuild` once.
 * `current_period` is the effective period of the rows the system still holds true (recorded_to IS NULL), NULL on
 * the others: its index answers "as of" over the current knowledge, and its statistics, unlike those of the
 * effective period of every row, let PostgreSQL see how few rows an instant picks out.
 */
export class TwoTimes1763900002000 implements MigrationInterface {
  name = 'TwoTimes1763900002000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE events RENAME COLUMN recorded_at TO inserted_at`);
    await q.query(`ALTER TABLE events RENAME COLUMN occurred_at TO recorded_at`);
    await q.query(`ALTER INDEX events_occurred_at_idx RENAME TO events_recorded_at_idx`);
    await q.query(`ALTER TABLE events ADD COLUMN effective_at timestamptz`);
    await q.query(`ALTER TABLE events DISABLE TRIGGER events_no_update_or_delete`);
    await q.query(`UPDATE events SET effective_at = recorded_at`);
    await q.query(`ALTER TABLE events ENABLE TRIGGER events_no_update_or_delete`);
    await q.query(`ALTER TABLE events ALTER COLUMN effective_at SET NOT NULL`);
    // the facts of a kind in a period of effective time (the annual summary's status changes of a year)
    await q.query(`CREATE INDEX events_type_effective_at_idx ON events (type, effective_at)`);
    await q.query(`COMMENT ON COLUMN events.effective_at IS 'when the fact took effect in the world'`);
    await q.query(`COMMENT ON COLUMN events.recorded_at IS 'when the system recorded the fact (the application clock)'`);
    await q.query(`COMMENT ON COLUMN events.inserted_at IS 'the database server clock at insert (audit only)'`);

    await q.query(`ALTER TABLE progress_reports ADD COLUMN effective_at timestamptz, ADD COLUMN recorded_at timestamptz`);
    await q.query(`UPDATE progress_reports SET effective_at = reported_at, recorded_at = reported_at`);
    await q.query(`ALTER TABLE progress_reports ALTER COLUMN effective_at SET NOT NULL, ALTER COLUMN recorded_at SET NOT NULL`);

    await q.query(`
      CREATE TABLE commitment_versions (
        commitment_id       uuid        NOT NULL,
        effective_from      timestamptz NOT NULL,
        effective_to        timestamptz,
        recorded_from       timestamptz NOT NULL,
        recorded_to         timestamptz,
        code                text        NOT NULL,
        title               text        NOT NULL,
        text                text        NOT NULL,
        source              text        NOT NULL,
        kind                text        NOT NULL,
        lead_agency         text        NOT NULL,
        supporting_agencies text[]      NOT NULL,
        agenda_items        smallint[]  NOT NULL,
        sdg_targets         text[]      NOT NULL,
        due_date            date,
        status              text        NOT NULL,
        version             integer     NOT NULL,
        registered_at       timestamptz NOT NULL,
        updated_at          timestamptz NOT NULL,
        last_report_period  integer,
        last_reported_at    timestamptz,
        original_due_date   date,
        pending_extension   jsonb,
        current_period      tstzrange GENERATED ALWAYS AS (
          CASE WHEN recorded_to IS NULL THEN tstzrange(effective_from, effective_to) END
        ) STORED,
        CONSTRAINT commitment_versions_effective_period CHECK (effective_to > effective_from),
        CONSTRAINT commitment_versions_recorded_period CHECK (recorded_to > recorded_from)
      )`);
    // one commitment's rows (each append closes and adds some; a single commitment as of an instant)
    await q.query(`CREATE INDEX commitment_versions_commitment_idx ON commitment_versions (commitment_id, effective_from)`);
    // the catalogue as of an instant, as known now
    await q.query(
      `CREATE INDEX commitment_versions_current_idx ON commitment_versions USING gist (current_period) WHERE recorded_to IS NULL`,
    );
    // the catalogue as of an instant, as known at an earlier one: the rows since superseded (the others are above)
    await q.query(`
      CREATE INDEX commitment_versions_superseded_idx ON commitment_versions
      USING gist (tstzrange(effective_from, effective_to), tstzrange(recorded_from, recorded_to)) WHERE recorded_to IS NOT NULL`);

    // what other contexts read (the annual summary): the existing columns stay as they were, the two times join them
    await q.query(`
      CREATE VIEW commitments_public_commitment_versions AS
      SELECT commitment_id, effective_from, effective_to, recorded_from, recorded_to, code, title, lead_agency, supporting_agencies,
             agenda_items, status, due_date, last_report_period
      FROM commitment_versions`);
    await q.query(`
      CREATE OR REPLACE VIEW commitments_public_progress_reports AS
      SELECT id, commitment_id, period, agency, kind, summary, reported_at, words_digest, effective_at, recorded_at
      FROM progress_reports`);
    await q.query(`
      CREATE OR REPLACE VIEW commitments_public_status_changes AS
      SELECT position, stream_id AS commitment_id, recorded_at AS occurred_at, payload->>'from' AS from_status, payload->>'to' AS to_status,
             effective_at, recorded_at
      FROM events
      WHERE stream_type = 'commitment' AND type = 'CommitmentStatusChanged'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP VIEW commitments_public_status_changes');
    await q.query('DROP VIEW commitments_public_progress_reports');
    await q.query('DROP VIEW commitments_public_commitment_versions');
    await q.query('DROP TABLE commitment_versions');
    await q.query('ALTER TABLE progress_reports DROP COLUMN effective_at, DROP COLUMN recorded_at');
    await q.query('DROP INDEX events_type_effective_at_idx');
    await q.query('ALTER TABLE events DROP COLUMN effective_at');
    await q.query('ALTER INDEX events_recorded_at_idx RENAME TO events_occurred_at_idx');
    await q.query('ALTER TABLE events RENAME COLUMN recorded_at TO occurred_at');
    await q.query('ALTER TABLE events RENAME COLUMN inserted_at TO recorded_at');
    await q.query(`
      CREATE VIEW commitments_public_progress_reports AS
      SELECT id, commitment_id, period, agency, kind, summary, reported_at, words_digest
      FROM progress_reports`);
    await q.query(`
      CREATE VIEW commitments_public_status_changes AS
      SELECT position, stream_id AS commitment_id, occurred_at, payload->>'from' AS from_status, payload->>'to' AS to_status
      FROM events
      WHERE stream_type = 'commitment' AND type = 'CommitmentStatusChanged'`);
  }
}
