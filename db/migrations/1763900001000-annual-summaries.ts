import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The annual progress summaries: one row per compiled (or compiling) version, and the bytes of each rendered
 * format in chunks. A version's files become visible in the same transaction that marks it done, and are never
 * overwritten: a new compilation is a new version.
 */
export class AnnualSummaries1763900001000 implements MigrationInterface {
  name = 'AnnualSummaries1763900001000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE annual_summaries (
        id               uuid PRIMARY KEY,
        year             integer     NOT NULL CHECK (year BETWEEN 2013 AND 2100),
        version          integer     NOT NULL CHECK (version > 0),
        status           text        NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'running', 'done', 'failed')),
        progress         smallint    NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 100),
        trigger          text        NOT NULL CHECK (trigger IN ('on_demand', 'scheduled')),
        requested_by     text        NOT NULL,
        requested_at     timestamptz NOT NULL,
        attempts         integer     NOT NULL DEFAULT 0,
        started_at       timestamptz,
        finished_at      timestamptz,
        -- provenance, set when the version is done: the instant and event position it was compiled from
        compiled_as_of   timestamptz,
        event_position   bigint,
        generator        text,
        checksum         text,
        last_error       text,
        CONSTRAINT annual_summaries_year_version_unique UNIQUE (year, version)
      )`);
    // at most one compilation per year waiting or running: a hundred clicks make one job
    await q.query(`
      CREATE UNIQUE INDEX annual_summaries_one_active_per_year ON annual_summaries (year)
      WHERE status IN ('queued', 'running')`);

    await q.query(`
      CREATE TABLE annual_summary_files (
        summary_id  uuid    NOT NULL REFERENCES annual_summaries (id),
        format      text    NOT NULL CHECK (format IN ('json', 'md', 'html', 'docx', 'csv', 'xlsx')),
        media_type  text    NOT NULL,
        byte_size   bigint  NOT NULL,
        sha256      text    NOT NULL,
        chunk_count integer NOT NULL,
        PRIMARY KEY (summary_id, format)
      )`);
    await q.query(`
      CREATE TABLE annual_summary_chunks (
        summary_id uuid    NOT NULL REFERENCES annual_summaries (id),
        format     text    NOT NULL,
        seq        integer NOT NULL,
        data       bytea   NOT NULL,
        PRIMARY KEY (summary_id, format, seq)
      )`);

    // A done version is final, and stored bytes are never rewritten.
    await q.query(`
      CREATE FUNCTION annual_summaries_done_is_final() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF OLD.status = 'done' THEN
          RAISE EXCEPTION 'annual summary % version % is done and cannot change', OLD.year, OLD.version USING ERRCODE = 'restrict_violation';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`
      CREATE TRIGGER annual_summaries_final BEFORE UPDATE ON annual_summaries
      FOR EACH ROW EXECUTE FUNCTION annual_summaries_done_is_final()`);
    await q.query(`
      CREATE FUNCTION annual_summary_bytes_are_final() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'stored summary files are never rewritten: % is not allowed', TG_OP USING ERRCODE = 'restrict_violation';
      END $$`);
    for (const table of ['annual_summary_files', 'annual_summary_chunks']) {
      await q.query(`
        CREATE TRIGGER ${table}_final BEFORE UPDATE OR DELETE ON ${table}
        FOR EACH ROW EXECUTE FUNCTION annual_summary_bytes_are_final()`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE annual_summary_chunks');
    await q.query('DROP TABLE annual_summary_files');
    await q.query('DROP TABLE annual_summaries');
    await q.query('DROP FUNCTION annual_summary_bytes_are_final()');
    await q.query('DROP FUNCTION annual_summaries_done_is_final()');
  }
}
