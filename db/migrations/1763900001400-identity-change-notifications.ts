import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every committed change to who a user is, or to whether a credential still works, is announced on the
 * `identity_changed` channel with the user's id as payload. API processes keep recently authenticated
 * principals in memory and drop a user's the moment this arrives, so deactivation, a role change, logout and
 * revocation reach every process, whichever process (or operator at a psql prompt) made them. Triggers rather
 * than application code, so no way of changing these rows can forget to announce it. Columns no principal is
 * read from (password hash, an API token's last use) are left out, and PostgreSQL folds repeats of the same
 * payload within a transaction into one notification.
 */
export class IdentityChangeNotifications1763900001400 implements MigrationInterface {
  name = 'IdentityChangeNotifications1763900001400';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION announce_identity_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        -- TG_ARGV[0] names the column holding the user id: id on users, user_id on sessions and api_tokens
        IF TG_OP = 'TRUNCATE' THEN
          PERFORM pg_notify('identity_changed', '*');
        ELSE
          PERFORM pg_notify('identity_changed', to_jsonb(OLD) ->> TG_ARGV[0]);
          IF TG_OP = 'UPDATE' AND (to_jsonb(NEW) ->> TG_ARGV[0]) IS DISTINCT FROM (to_jsonb(OLD) ->> TG_ARGV[0]) THEN
            PERFORM pg_notify('identity_changed', to_jsonb(NEW) ->> TG_ARGV[0]);
          END IF;
        END IF;
        RETURN NULL;
      END $$`);
    const tables: Array<[table: string, userColumn: string, columns: string]> = [
      ['users', 'id', 'id, email, display_name, role, agency, active'],
      ['sessions', 'user_id', 'id, user_id, expires_at, revoked_at'],
      ['api_tokens', 'user_id', 'id, user_id, token_hash, expires_at, revoked_at'],
    ];
    for (const [table, userColumn, columns] of tables) {
      await q.query(`CREATE TRIGGER ${table}_announce_change AFTER UPDATE OF ${columns} OR DELETE ON ${table}
        FOR EACH ROW EXECUTE FUNCTION announce_identity_change('${userColumn}')`);
      await q.query(`CREATE TRIGGER ${table}_announce_truncate AFTER TRUNCATE ON ${table}
        FOR EACH STATEMENT EXECUTE FUNCTION announce_identity_change('${userColumn}')`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['users', 'sessions', 'api_tokens']) {
      await q.query(`DROP TRIGGER ${table}_announce_truncate ON ${table}`);
      await q.query(`DROP TRIGGER ${table}_announce_change ON ${table}`);
    }
    await q.query('DROP FUNCTION announce_identity_change()');
  }
}
