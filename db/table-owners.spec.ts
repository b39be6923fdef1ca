import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { TABLE_OWNERS } from './table-owners.js';

/**
 * The context boundaries in SQL, which dependency-cruiser cannot see: a lib's SQL names only its own tables and
 * the `<lib>_public_*` views other libs publish. Table ownership is the explicit list in table-owners.ts.
 */
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const owners: Record<string, string> = TABLE_OWNERS;

/** Where a table or view name follows in SQL (the first of a TRUNCATE's list is enough to be caught; the rest are too). */
const NAME_AFTER_KEYWORD =
  /\b(?:FROM|JOIN|INTO|UPDATE|TABLE|TRUNCATE|REFERENCES)\s+(?:ONLY\s+)?(?:public\.)?"?([a-z_][a-z0-9_]*)"?((?:\s*,\s*[a-z_][a-z0-9_]*)*)/gi;

/** The tables and views a piece of SQL names. */
export function namesInSql(sql: string): string[] {
  const names: string[] = [];
  for (const [, first, rest] of sql.matchAll(NAME_AFTER_KEYWORD)) {
    names.push(first.toLowerCase());
    for (const more of rest.split(',').slice(1)) names.push(more.trim().toLowerCase());
  }
  return names;
}

/** The text of every string and template literal in a TypeScript source: where SQL lives (comments are left out). */
export function literalsOf(source: string): string[] {
  const texts: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) texts.push(node.text);
    else if (ts.isTemplateExpression(node))
      texts.push([node.head.text, ...node.templateSpans.map((span) => span.literal.text)].join(' ? '));
    ts.forEachChild(node, visit);
  };
  visit(ts.createSourceFile('source.ts', source, ts.ScriptTarget.Latest, true));
  return texts;
}

const sourcesUnder = (dir: string): string[] =>
  (readdirSync(join(ROOT, dir), { recursive: true }) as string[])
    .filter((file) => file.endsWith('.ts') && !file.endsWith('.spec.ts'))
    .map((file) => join(dir, file));

const libs = readdirSync(join(ROOT, 'libs'));
const migrations = sourcesUnder('db/migrations').map((file) => readFileSync(join(ROOT, file), 'utf8'));
const created = (kind: 'TABLE' | 'VIEW') =>
  migrations.flatMap((text) => [...text.matchAll(new RegExp(`CREATE ${kind} ([a-z_][a-z0-9_]*)`, 'g'))].map((m) => m[1]));
const PUBLIC_VIEW = /^([a-z_]+?)_public_[a-z0-9_]+$/;
/** The lib that publishes a `<lib>_public_*` view (dashes in a lib's name are underscores in SQL). */
const publisherOf = (view: string): string | undefined => {
  const prefix = PUBLIC_VIEW.exec(view)?.[1];
  return libs.find((lib) => lib.replace(/-/g, '_') === prefix);
};

describe('Table ownership', () => {
  it('finds the names SQL uses, in string and template literals only', () => {
    expect(namesInSql(`SELECT c.code FROM commitment_view c JOIN progress_reports p ON p.commitment_id = c.id`)).toEqual([
      'commitment_view',
      'progress_reports',
    ]);
    expect(namesInSql(`INSERT INTO notifications (id) VALUES ($1)`)).toEqual(['notifications']);
    expect(namesInSql(`update users set active = false`)).toEqual(['users']);
    expect(namesInSql(`TRUNCATE commitment_view, commitment_status_counts`)).toEqual(['commitment_view', 'commitment_status_counts']);
    expect(namesInSql(`DELETE FROM sessions WHERE id = $1`)).toEqual(['sessions']);
    const source =
      "// read FROM users here\nconst sql = `SELECT ${columns} FROM agencies WHERE code = $1`;\nconst other = 'SELECT 1 FROM api_tokens';";
    expect(literalsOf(source).flatMap(namesInSql)).toEqual(['agencies', 'api_tokens']);
  });

  it('lists every table a migration creates, each owned by a lib', () => {
    expect(created('TABLE').sort()).toEqual(Object.keys(owners).sort());
    for (const [table, lib] of Object.entries(owners))
      expect({ table, lib, exists: libs.includes(lib) }).toEqual({ table, lib, exists: true });
  });

  it('names every view after the lib that publishes it', () => {
    const views = created('VIEW');
    expect(views.length).toBeGreaterThan(0);
    expect(views.filter((view) => publisherOf(view) === undefined)).toEqual([]);
  });

  it("no lib or app names another lib's table in its SQL, nor a view no migration creates", () => {
    const views = new Set(created('VIEW'));
    const files = [...libs.flatMap((lib) => sourcesUnder(join('libs', lib, 'src'))), ...sourcesUnder('apps')];
    expect(files.length).toBeGreaterThan(100);
    const violations: string[] = [];
    let checked = 0;
    for (const file of files) {
      const lib = /^libs\/([^/]+)\//.exec(file)?.[1] ?? null; // apps own no table
      for (const name of literalsOf(readFileSync(join(ROOT, file), 'utf8')).flatMap(namesInSql)) {
        const owner = owners[name];
        if (owner !== undefined) {
          checked += 1;
          if (owner !== lib) violations.push(`${file}: ${name} belongs to ${owner}`);
        } else if (PUBLIC_VIEW.test(name) && !views.has(name)) {
          violations.push(`${file}: no migration creates the view ${name}`);
        }
      }
    }
    expect(violations).toEqual([]);
    expect(checked).toBeGreaterThan(50); // the scan does see the libs' SQL
  });
});
