import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Read models of the commitments context, written in the same transaction as the events they reflect. */
export class CommitmentReadModels1763900000200 implements MigrationInterface {
  name = 'CommitmentReadModels1763900000200';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE commitment_view (
        id                  uuid PRIMARY KEY,
        code                text        NOT NULL,
        title               text        NOT NULL,
        text                text        NOT NULL,
        source              text        NOT NULL,
        kind                text        NOT NULL,
        lead_agency         text        NOT NULL,
        supporting_agencies text[]      NOT NULL DEFAULT '{}',
        agenda_items        smallint[]  NOT NULL DEFAULT '{}',
        sdg_targets         text[]      NOT NULL DEFAULT '{}',
        due_date            date,
        status              text        NOT NULL,
        version             integer     NOT NULL,
        registered_at       timestamptz NOT NULL,
        updated_at          timestamptz NOT NULL,
        last_report_period  integer,
        last_reported_at    timestamptz,
        search tsvector GENERATED ALWAYS AS (
          setweight(to_tsvector('english', code), 'A') ||
          setweight(to_tsvector('english', title), 'B') ||
          setweight(to_tsvector('english', text), 'C')
        ) STORED,
        CONSTRAINT commitment_view_code_unique UNIQUE (code)
      )`);
    await q.query(`CREATE INDEX commitment_view_search_idx ON commitment_view USING gin (search)`);
    await q.query(`CREATE INDEX commitment_view_lead_idx ON commitment_view (lead_agency, code)`);
    await q.query(`CREATE INDEX commitment_view_supporting_idx ON commitment_view USING gin (supporting_agencies)`);
    await q.query(`CREATE INDEX commitment_view_agenda_idx ON commitment_view USING gin (agenda_items)`);
    await q.query(`CREATE INDEX commitment_view_status_idx ON commitment_view (status, code)`);
    await q.query(`CREATE INDEX commitment_view_due_idx ON commitment_view (due_date) WHERE due_date IS NOT NULL`);

    await q.query(`
      CREATE TABLE commitment_status_counts (
        dimension text    NOT NULL CHECK (dimension IN ('agency', 'agendaItem')),
        key       text    NOT NULL,
        status    text    NOT NULL,
        -- no CHECK (count >= 0): PostgreSQL checks the candidate row of an upsert, and a decrement arrives as one
        count     integer NOT NULL,
        PRIMARY KEY (dimension, key, status)
      )`);

    await q.query(`
      CREATE TABLE progress_reports (
        id             uuid PRIMARY KEY,
        commitment_id  uuid        NOT NULL,
        period         integer     NOT NULL,
        agency         text        NOT NULL,
        kind           text        NOT NULL DEFAULT 'report',
        summary        text        NOT NULL,
        evidence_urls  text[]      NOT NULL DEFAULT '{}',
        indicators     jsonb       NOT NULL DEFAULT '[]',
        reported_at    timestamptz NOT NULL,
        reported_by    text        NOT NULL,
        event_position bigint      NOT NULL
      )`);
    await q.query(`CREATE INDEX progress_reports_commitment_idx ON progress_reports (commitment_id, period)`);
    await q.query(`CREATE INDEX progress_reports_agency_idx ON progress_reports (agency, period)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE progress_reports');
    await q.query('DROP TABLE commitment_status_counts');
    await q.query('DROP TABLE commitment_view');
  }
}
