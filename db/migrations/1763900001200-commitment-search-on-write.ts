import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The search vector of commitment_view was a generated column, and PostgreSQL recomputes a stored generated
 * column on every UPDATE of the row: every status change re-parsed the commitment's whole text. It is now an
 * ordinary column that a trigger fills when the row is inserted and when its code, title or text change, and
 * only then. Searching reads it as before.
 */
export class CommitmentSearchOnWrite1763900001200 implements MigrationInterface {
  name = 'CommitmentSearchOnWrite1763900001200';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE commitment_view ALTER COLUMN search DROP EXPRESSION`);
    await q.query(`
      CREATE FUNCTION commitment_view_search() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        NEW.search := setweight(to_tsvector('english', NEW.code), 'A') ||
                      setweight(to_tsvector('english', NEW.title), 'B') ||
                      setweight(to_tsvector('english', NEW.text), 'C');
        RETURN NEW;
      END $$`);
    await q.query(
      `CREATE TRIGGER commitment_view_search_on_insert BEFORE INSERT ON commitment_view FOR EACH ROW EXECUTE FUNCTION commitment_view_search()`,
    );
    await q.query(`
      CREATE TRIGGER commitment_view_search_on_update BEFORE UPDATE ON commitment_view FOR EACH ROW
      WHEN (OLD.code IS DISTINCT FROM NEW.code OR OLD.title IS DISTINCT FROM NEW.title OR OLD.text IS DISTINCT FROM NEW.text)
      EXECUTE FUNCTION commitment_view_search()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER commitment_view_search_on_update ON commitment_view`);
    await q.query(`DROP TRIGGER commitment_view_search_on_insert ON commitment_view`);
    await q.query(`DROP FUNCTION commitment_view_search()`);
    await q.query(`ALTER TABLE commitment_view DROP COLUMN search`);
    await q.query(`
      ALTER TABLE commitment_view ADD COLUMN search tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('english', code), 'A') || setweight(to_tsvector('english', title), 'B') || setweight(to_tsvector('english', text), 'C')
      ) STORED`);
    await q.query(`CREATE INDEX commitment_view_search_idx ON commitment_view USING gin (search)`);
  }
}
