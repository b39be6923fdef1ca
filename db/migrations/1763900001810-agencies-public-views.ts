import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The reference data other contexts read in SQL (the annual summary, inside its snapshot), as views the agencies
 * context owns; see CommitmentsPublicViews.
 */
export class AgenciesPublicViews1763900001810 implements MigrationInterface {
  name = 'AgenciesPublicViews1763900001810';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE VIEW agencies_public_agencies AS SELECT code, name FROM agencies`);
    await q.query(`CREATE VIEW agencies_public_agenda_items AS SELECT number, title FROM agenda_items`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP VIEW agencies_public_agenda_items');
    await q.query('DROP VIEW agencies_public_agencies');
  }
}
