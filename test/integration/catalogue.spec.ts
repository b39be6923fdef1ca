import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Test } from '@nestjs/testing';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { INestApplicationContext } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { ConfigModule, loadEnvironment } from '@hld/config';
import { PersistenceModule } from '@hld/persistence';
import {
  CommitmentNotYetRegistered,
  CommitmentsModule,
  GetCommitment,
  GetCommitmentHistory,
  ListCommitments,
  RegisterCommitment,
  ReviseCommitmentDetails,
} from '@hld/commitments';
import { CatalogueInvalid, CatalogueModule, LoadCatalogue } from '@hld/catalogue';
import { aCommitment } from '../helpers/factories.js';
import { countEvents } from '../helpers/db.js';
import { citeSources } from '../../db/catalogue/cite-sources.js';

/**
 * Recommendations per chapter of the book, counted from 004 (the lettered items of each chapter's
 * "Recommendations for the 2013 High-level Dialogue" section; db/catalogue/README.md says how), plus each
 * agency's own follow-up pledges (`-followup-`), the eight agenda points and the eight joint key elements.
 */
const EXPECTED: Record<string, number> = {
  FAO: 15,
  ICAO: 4,
  IFAD: 6,
  ILO: 5,
  IMO: 1,
  IOM: 6,
  NGOCM: 3,
  OHCHR: 5,
  REGCOMS: 24,
  SRHRM: 7,
  UNWOMEN: 9,
  UNHABITAT: 11,
  UNAIDS: 5,
  UNCTAD: 5,
  UNDESA: 14,
  UNDP: 5,
  UNEP: 15,
  UNESCO: 8,
  UNFPA: 20,
  UNHCR: 4,
  UNICEF: 14,
  UNITAR: 4,
  UNODC: 5,
  UPU: 3,
  WHO: 8,
  WIPO: 1,
  WMO: 3,
  WB: 3,
  SG8: 8,
  JOINT: 8,
};

/** A line reference of the seed texts ("004 l. 3013"): maintainers' business, never shown to users. */
const LINE_REFERENCE = /\b\d{3} l\. \d/;
const LINE_REFERENCE_SQL = '[0-9]{3} l\\. [0-9]';

/** Every commitment of the catalogue's files, with the line references it was first loaded with. */
async function catalogueCommitments(): Promise<Array<{ code: string; source: string; sourceLines: string }>> {
  const files = (await readdir('db/catalogue/commitments')).filter((f) => f.endsWith('.json'));
  const lists = await Promise.all(
    files.map(async (f) => JSON.parse(await readFile(join('db/catalogue/commitments', f), 'utf8')).commitments),
  );
  return lists.flat();
}

/** The seed text as one line, so a clean commitment text can be found in it verbatim. */
async function seedText(file: string): Promise<string> {
  return (await readFile(join('..', 'shared', 'seeds', file), 'utf8')).replace(/\s+/g, ' ');
}

describe('Catalogue load (real PostgreSQL)', () => {
  let app: INestApplicationContext;
  let db: DataSource;
  let commands: CommandBus;
  let queries: QueryBus;

  beforeAll(async () => {
    const moduleRef = await Test.createTestingModule({
      imports: [ConfigModule.forRoot(loadEnvironment()), PersistenceModule, CommitmentsModule, CatalogueModule],
    }).compile();
    app = await moduleRef.init();
    db = app.get<DataSource>(getDataSourceToken());
    commands = app.get(CommandBus);
    queries = app.get(QueryBus);
  });
  const copies: string[] = [];
  afterAll(async () => {
    await app.close();
    for (const dir of copies) await rm(dir, { recursive: true, force: true });
  });

  const copyOfCatalogue = async () => {
    const dir = await mkdtemp(join(tmpdir(), 'catalogue-'));
    copies.push(dir);
    await cp('db/catalogue', dir, { recursive: true });
    return dir;
  };
  const editJson = async (path: string, edit: (data: any) => void) => {
    const data = JSON.parse(await readFile(path, 'utf8'));
    edit(data);
    await writeFile(path, JSON.stringify(data, null, 2));
  };

  it('loads nothing when a command fails half-way through (one transaction)', async () => {
    // the data is valid on its own, but the database disagrees: CLASH-a already exists, led by UNHCR, so the
    // catalogue's ILO report on it is refused after every other commitment has been registered
    const dir = await copyOfCatalogue();
    await editJson(join(dir, 'commitments', 'ILO.json'), (data) => {
      data.commitments.push({ ...data.commitments[0], code: 'CLASH-a' });
    });
    await editJson(join(dir, 'progress-reports.json'), (data) => {
      data.push({
        commitmentCode: 'CLASH-a',
        agency: 'ILO',
        period: 2014,
        summary: 'Reported.',
        source: 'A/68/190',
        citations: [{ document: 'a-68-190' }],
        sourceLines: 'ESA/P/WP.237, test',
      });
    });
    await commands.execute(
      new RegisterCommitment(
        aCommitment({ code: 'CLASH-a', leadAgency: 'UNHCR', supportingAgencies: [] }),
        { actor: { id: 'someone', role: 'coordinator', agency: null }, correlationId: 't' },
        undefined,
        new Date('2013-10-03T00:00:00Z'),
      ),
    );
    const before = await countEvents(db);
    await expect(commands.execute(new LoadCatalogue(dir))).rejects.toThrow(/ILO neither leads nor supports CLASH-a/);
    expect(await countEvents(db)).toBe(before);
    const fao = (await catalogueCommitments()).map((c) => c.code).filter((code) => code.startsWith('FAO-'));
    const [{ n }] = await db.query(`SELECT count(*)::int AS n FROM commitment_view WHERE code = ANY($1)`, [fao]);
    expect(n).toBe(0);
    const [{ gfmd }] = await db.query(`SELECT count(*)::int AS gfmd FROM agencies WHERE code = 'GFMD'`);
    expect(gfmd).toBe(0); // the reference data it upserted first rolled back too
  });

  it('loads every commitment and progress report in the documents, through CommitmentRegistered events', async () => {
    const before = await countEvents(db);
    const result = await commands.execute(new LoadCatalogue('db/catalogue'));
    expect(result).toMatchObject({ registered: 229, reportsAdded: 77, agencies: 45 });
    // among the catalogue's codes (other tests share the database and may make codes such as ILO-3fa2…)
    const codes = (await catalogueCommitments()).map((c) => c.code);
    for (const [prefix, count] of Object.entries(EXPECTED)) {
      const [{ n }] = await db.query(`SELECT count(*)::int AS n FROM commitment_view WHERE code LIKE $1 AND code = ANY($2)`, [
        `${prefix}-%`,
        codes,
      ]);
      expect({ prefix, n }).toEqual({ prefix, n: count });
    }
    expect(await countEvents(db)).toBe(before + 229 + 77);
    const [{ actors }] = await db.query(
      `SELECT array_agg(DISTINCT metadata->'actor'->>'id') AS actors FROM events WHERE position > (SELECT max(position) - 306 FROM events)`,
    );
    expect(actors).toEqual(['system:catalogue']);
    const [{ agencies }] = await db.query(`SELECT count(*)::int AS agencies FROM agencies WHERE contributed_to_book`);
    expect(agencies).toBe(28);
  });

  it('cites documents and pages, never a line of the seed texts, in what it loads, and keeps the ids of the reports', async () => {
    const { source } = await queries.execute(new GetCommitment('UNWOMEN-a'));
    expect(source).toBe(
      'International Migration and Development: Contributions and Recommendations of the International System (UNFPA and IOM, 2013), ' +
        'chapter \u201CUN Women\u201D, p. 198',
    );
    expect((await queries.execute(new GetCommitment('SG8-4'))).source).toBe('A/68/190');
    const history = await queries.execute(new GetCommitmentHistory('SG8-2'));
    expect(JSON.stringify(history)).not.toMatch(LINE_REFERENCE);
    // made from the line references, so a report loaded before the catalogue cited documents keeps its id
    const ilo = history.items.find((e) => e.payload.reportId === 'a97e4650-4080-5a36-adb4-4d8a180df115');
    expect(ilo?.payload.summary).toMatch(
      /eight-point plan of action.* \[Source: Thirteenth Coordination Meeting on International Migration \(United Nations Population Division, 2015\), p\. 11\]$/,
    );
    const shown: Array<{ what: string; n: number }> = await db.query(
      `SELECT 'commitments' AS what, count(*)::int AS n FROM commitment_view WHERE concat_ws(' ', title, text, source) ~ $1
       UNION ALL SELECT 'events', count(*)::int FROM events WHERE payload::text ~ $1
       UNION ALL SELECT 'progress reports', count(*)::int FROM progress_reports WHERE summary ~ $1
       UNION ALL SELECT 'agencies', count(*)::int FROM agencies WHERE concat_ws(' ', name, source) ~ $1
       UNION ALL SELECT 'agenda items', count(*)::int FROM agenda_items WHERE concat_ws(' ', title, description, source) ~ $1`,
      [LINE_REFERENCE_SQL],
    );
    expect(shown).toEqual(['commitments', 'events', 'progress reports', 'agencies', 'agenda items'].map((what) => ({ what, n: 0 })));
    const [{ agency }] = await db.query(`SELECT source AS agency FROM agencies WHERE code = 'UNICEF'`);
    expect(agency).toMatch(/chapter “United Nations Children’s Fund”, p\. 321$/);
  });

  it('ships the citations that db/catalogue/cite-sources.ts derives from the line references and the seed texts', async () => {
    const dir = await copyOfCatalogue();
    const files = [
      'agencies.json',
      'agenda-items.json',
      'progress-reports.json',
      ...(await readdir(join(dir, 'commitments'))).map((f) => join('commitments', f)),
    ];
    // back to what the catalogue had before it cited documents: line references only
    const uncite = (record: Record<string, unknown>) => {
      const { citations: _, sourceLines, ...rest } = record;
      return sourceLines === undefined ? record : { ...rest, source: sourceLines };
    };
    for (const file of files) {
      await editJson(join(dir, file), (data) => {
        const records: Array<Record<string, unknown>> = Array.isArray(data) ? data : data.commitments;
        records.splice(0, records.length, ...records.map(uncite));
      });
    }
    await rm(join(dir, 'documents.json'));
    expect(await readFile(join(dir, 'commitments', 'ILO.json'), 'utf8')).not.toContain('"citations"');

    await citeSources(join('..', 'shared', 'seeds'), dir);
    for (const file of ['documents.json', ...files]) {
      const derived = await readFile(join(dir, file), 'utf8');
      expect({ file, same: derived === (await readFile(join('db/catalogue', file), 'utf8')) }).toEqual({ file, same: true });
    }
  });

  it('registers each commitment effective at its source and each report at its meeting, recorded at load time', async () => {
    const agenda = await queries.execute(new GetCommitment('SG8-1', new Date('2013-08-01T00:00:00Z')));
    expect(agenda).toMatchObject({ code: 'SG8-1', status: 'proposed', registeredAt: '2013-07-25T00:00:00.000Z', allowedActions: [] });
    await expect(queries.execute(new GetCommitment('SG8-1', new Date('2013-07-01T00:00:00Z')))).rejects.toThrow(CommitmentNotYetRegistered);
    await expect(queries.execute(new GetCommitment('FAO-a', new Date('2013-10-02T00:00:00Z')))).rejects.toThrow(CommitmentNotYetRegistered);
    // every commitment of the catalogue answers as of June 2014, with the reports of the February 2014 meeting
    const codes = (await catalogueCommitments()).map((c) => c.code).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    expect(codes).toHaveLength(229);
    const page = await queries.execute(
      new ListCommitments({}, 200, undefined, undefined, 'code', { asOf: new Date('2014-06-01T00:00:00Z') }),
    );
    const next = await queries.execute(
      new ListCommitments({}, 200, page.nextCursor!, undefined, 'code', { asOf: new Date('2014-06-01T00:00:00Z') }),
    );
    expect([...page.items, ...next.items].map((c) => c.code).filter((code) => codes.includes(code))).toEqual(codes);
    const reports = await db.query(
      `SELECT r.effective_at, count(*)::int AS n, min(r.recorded_at) > now() - interval '1 hour' AS recorded_now
         FROM progress_reports r JOIN commitment_view c ON c.id = r.commitment_id WHERE c.code = ANY($1)
        GROUP BY r.effective_at ORDER BY r.effective_at`,
      [codes],
    );
    expect(reports).toEqual([
      { effective_at: new Date('2014-02-20T00:00:00Z'), n: 49, recorded_now: true },
      { effective_at: new Date('2015-02-12T00:00:00Z'), n: 28, recorded_now: true },
    ]);
    const { items } = await queries.execute(new GetCommitmentHistory('SG8-8'));
    expect(items.find((e) => e.type === 'ProgressReported')).toMatchObject({ effectiveAt: '2014-02-20T00:00:00.000Z' });
    expect(Date.parse(items[0].recordedAt)).toBeGreaterThan(Date.now() - 3_600_000);
  });

  it('ships texts as the book prints them, without PDF artefacts', async () => {
    const book = await seedText('004_bbe8d57f18636fbc.txt');
    for (const code of ['FAO-a', 'ILO-a', 'IOM-c', 'OHCHR-a', 'UNHCR-b', 'UNICEF-h', 'UPU-a', 'WB-a', 'UNDESA-hld-d', 'JOINT-c']) {
      const { text } = await queries.execute(new GetCommitment(code));
      expect({ code, found: book.includes(text) }).toEqual({ code, found: true });
    }
  });

  it('changes nothing when run again', async () => {
    const before = await countEvents(db);
    const result = await commands.execute(new LoadCatalogue('db/catalogue'));
    expect(result).toMatchObject({ registered: 0, revised: 0, reportsAdded: 0, unchanged: 229, reportsAlreadyThere: 77 });
    expect(await countEvents(db)).toBe(before);
  });

  it('brings up to date, with one revision each and then nothing, commitments loaded when they cited lines of the seed texts', async () => {
    const commitments = await catalogueCommitments();
    // all but the eight agenda points, which cite A/68/190 as they always did
    const cited = commitments.filter((c) => c.source !== c.sourceLines);
    expect(cited).toHaveLength(221);
    const ctx = { actor: { id: 'someone', role: 'coordinator' as const, agency: null }, correlationId: 'before-citations' };
    for (const { code, sourceLines } of commitments)
      await commands.execute(new ReviseCommitmentDetails(code, undefined, { source: sourceLines }, ctx));
    expect((await queries.execute(new GetCommitment('ILO-a'))).source).toBe('004 l. 3013-3016');

    const before = await countEvents(db);
    const [{ last }] = await db.query(`SELECT max(position)::bigint AS last FROM events`);
    const result = await commands.execute(new LoadCatalogue('db/catalogue'));
    expect(result).toMatchObject({ registered: 0, revised: 221, unchanged: 8, reportsAdded: 0, reportsAlreadyThere: 77 });
    expect(await countEvents(db)).toBe(before + 221);
    const revisions: Array<{ changes: string[] }> = await db.query(
      `SELECT array(SELECT jsonb_object_keys(payload->'changes')) AS changes FROM events WHERE position > $1`,
      [last],
    );
    expect(new Set(revisions.map((r) => r.changes.join()))).toEqual(new Set(['source']));
    for (const { code, source } of commitments)
      expect({ code, source: (await queries.execute(new GetCommitment(code))).source }).toEqual({ code, source });

    const after = await countEvents(db);
    expect(await commands.execute(new LoadCatalogue('db/catalogue'))).toMatchObject({ revised: 0, unchanged: 229, reportsAdded: 0 });
    expect(await countEvents(db)).toBe(after);
  });

  it('turns an edited text into one revision event, never a second commitment', async () => {
    const dir = await copyOfCatalogue();
    await editJson(join(dir, 'commitments', 'IMO.json'), (data) => {
      data.commitments[0].text = `${data.commitments[0].text} (revised)`;
    });
    // (other tests of this file may have revised it since the first load)
    const [{ lastSet }] = await db.query(
      `SELECT max(e.effective_at) AS "lastSet" FROM events e JOIN commitment_view c ON c.id = e.stream_id
        WHERE c.code = 'IMO-a' AND e.type IN ('CommitmentRegistered', 'CommitmentDetailsRevised')`,
    );
    const before = await countEvents(db);
    const result = await commands.execute(new LoadCatalogue(dir));
    expect(result).toMatchObject({ registered: 0, revised: 1 });
    expect(await countEvents(db)).toBe(before + 1);
    const [event] = await db.query(`SELECT type, payload, effective_at FROM events ORDER BY position DESC LIMIT 1`);
    expect(event.type).toBe('CommitmentDetailsRevised');
    expect(event.payload.changes.text).toMatch(/\(revised\)$/);
    // a correction of the catalogue: the text was the document's all along, so it holds from when the details were last set
    expect(event.effective_at).toEqual(lastSet);
    const then = await queries.execute(new GetCommitment('IMO-a', lastSet));
    expect(then.text).toMatch(/\(revised\)$/);
    // and a second load with the same data appends nothing
    expect(await commands.execute(new LoadCatalogue(dir))).toMatchObject({ revised: 0, unchanged: 229 });
    expect(await countEvents(db)).toBe(before + 1);
    const [{ n }] = await db.query(`SELECT count(*)::int AS n FROM commitment_view WHERE code = 'IMO-a'`);
    expect(n).toBe(1);
  });

  it('refuses a bad data file with a message naming the file, the record and the field, and loads nothing', async () => {
    const dir = await copyOfCatalogue();
    await editJson(join(dir, 'commitments', 'UPU.json'), (data) => {
      data.commitments[1].agendaItems = [9];
    });
    const before = await countEvents(db);
    const error = await commands.execute(new LoadCatalogue(dir)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CatalogueInvalid);
    expect((error as Error).message).toMatch(/commitments\/UPU\.json: record 2 \(UPU-b\): agendaItems: agenda items are numbered 1 to 8/);
    expect(await countEvents(db)).toBe(before);
  });
});
