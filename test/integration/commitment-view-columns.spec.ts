import { getDataSourceToken } from '@nestjs/typeorm';
import type { INestApplicationContext } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import type { CommitmentState } from '@hld/commitments';
import { VIEW_COLUMNS } from '../../libs/commitments/src/infrastructure/commitment-projection.js';
import { CommitmentVersionRecord, CommitmentViewRecord } from '../../libs/commitments/src/infrastructure/commitment-view.record.js';
import { startCommitmentsContext } from '../helpers/commitments-context.js';

/** Columns PostgreSQL fills itself (a trigger keeps the search vector), which neither the record nor the projection name. */
const FILLED_BY_THE_DATABASE = ['search'];

interface TableColumn {
  name: string;
  type: string;
  nullable: boolean;
}

/**
 * commitment_view is described three times: by the migrations (the table), by the record class the queries read
 * it through, and by the projection's VIEW_COLUMNS that write it. They must name the same columns, with the same
 * types and nullability, and the projection must fill each column from the state field the record reads it as.
 */
describe('commitment_view: the table, the record class and the projection agree (real PostgreSQL)', () => {
  let app: INestApplicationContext;
  let db: DataSource;
  let table: TableColumn[];

  beforeAll(async () => {
    app = await startCommitmentsContext();
    db = app.get<DataSource>(getDataSourceToken());
    table = await db.query(
      `SELECT column_name AS name, udt_name::regtype::text AS type, is_nullable = 'YES' AS nullable
         FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = 'commitment_view'
        ORDER BY ordinal_position`,
    );
  });
  afterAll(() => app.close());

  /** PostgreSQL's own name of a type as the code spells it ('int', 'timestamptz', 'text[]' …). */
  const typeName = async (spelling: string): Promise<string> => (await db.query('SELECT $1::regtype::text AS name', [spelling]))[0].name;

  const record = () => db.getMetadata(CommitmentViewRecord).columns;

  it('names the same columns in all three', () => {
    const written = table.map((c) => c.name).filter((name) => !FILLED_BY_THE_DATABASE.includes(name));
    expect(table.map((c) => c.name)).toEqual(expect.arrayContaining(FILLED_BY_THE_DATABASE));
    expect(
      record()
        .map((c) => c.databaseName)
        .sort(),
    ).toEqual([...written].sort());
    const projected = ['id', ...VIEW_COLUMNS.map((c) => c.name)];
    expect(new Set(projected).size).toBe(projected.length);
    expect([...projected].sort()).toEqual([...written].sort());
  });

  it('gives each column the table type and nullability in the record, and its cast in the projection', async () => {
    const columns = new Map(table.map((c) => [c.name, c]));
    const mismatches: string[] = [];
    for (const column of record()) {
      const inTable = columns.get(column.databaseName);
      const declared = await typeName(`${String(column.type)}${column.isArray ? '[]' : ''}`);
      if (declared !== inTable?.type) mismatches.push(`record ${column.databaseName}: ${declared}, table: ${inTable?.type}`);
      if (column.isNullable !== inTable?.nullable)
        mismatches.push(`record ${column.databaseName}: nullable ${column.isNullable}, table: ${inTable?.nullable}`);
    }
    for (const column of VIEW_COLUMNS.filter((c) => c.cast !== undefined)) {
      const cast = await typeName(column.cast!);
      if (cast !== columns.get(column.name)?.type)
        mismatches.push(`projection ${column.name}: ::${cast}, table: ${columns.get(column.name)?.type}`);
    }
    expect(mismatches).toEqual([]);
  });

  it('fills each column from the state field the record reads it as', () => {
    const properties = new Map(record().map((c) => [c.databaseName, c.propertyName]));
    // a state whose every field holds a value of its own, so a column reading the wrong field shows
    const state = Object.fromEntries([...properties.values()].map((p) => [p, Symbol(p)])) as unknown as CommitmentState;
    const mismatches = VIEW_COLUMNS.filter((c) => c.field(state) !== state[properties.get(c.name) as keyof CommitmentState]).map(
      (c) => c.name,
    );
    expect(mismatches).toEqual([]);
  });

  it('commitment_versions holds the same state columns, with the same types, and its two periods (record class too)', async () => {
    const versions: TableColumn[] = await db.query(
      `SELECT column_name AS name, udt_name::regtype::text AS type, is_nullable = 'YES' AS nullable
         FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = 'commitment_versions'
        ORDER BY ordinal_position`,
    );
    const TIMES = ['commitment_id', 'effective_from', 'effective_to', 'recorded_from', 'recorded_to', 'current_period'];
    const state = versions.filter((c) => !TIMES.includes(c.name));
    const viewState = table.filter((c) => c.name !== 'id' && !FILLED_BY_THE_DATABASE.includes(c.name));
    expect(state.map((c) => [c.name, c.type]).sort()).toEqual(viewState.map((c) => [c.name, c.type]).sort());
    expect(versions.map((c) => c.name)).toEqual(expect.arrayContaining(TIMES));
    expect([...VIEW_COLUMNS.map((c) => c.name)].sort()).toEqual(state.map((c) => c.name).sort());
    const recorded = db
      .getMetadata(CommitmentVersionRecord)
      .columns.map((c) => c.databaseName)
      .sort();
    expect(recorded).toEqual(
      versions
        .map((c) => c.name)
        .filter((name) => name !== 'current_period')
        .sort(),
    );
  });
});
