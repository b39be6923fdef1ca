import { Test } from '@nestjs/testing';
import { CommandBus } from '@nestjs/cqrs';
import type { INestApplicationContext } from '@nestjs/common';
import { ConfigModule, loadEnvironment } from '@hld/config';
import { PersistenceModule } from '@hld/persistence';
import { CommitmentsModule } from '@hld/commitments';
import { CatalogueModule, LoadCatalogue } from '@hld/catalogue';
import { recreateDatabase } from '../../db/migrate.js';
import { TEST_DATABASE_URL } from '../test-environment.js';
import { startTestApi, type TestApi } from '../helpers/test-api.js';

/** Its own database, with the catalogue loaded as `npm start` loads it. */
const DATABASE_URL = `${TEST_DATABASE_URL}_catalogue_api`;
/** A line reference of the catalogue's text files ("004 l. 3013"): for its maintainers, never in an answer. */
const LINE_REFERENCE = /\b\d{3} l\. \d/;
const BOOK = 'International Migration and Development: Contributions and Recommendations of the International System (UNFPA and IOM, 2013)';

describe('The catalogue as the API answers it: sources cited by document and page (real PostgreSQL)', () => {
  let api: TestApi;
  let loader: INestApplicationContext;
  const previousUrl = process.env.DATABASE_URL;

  beforeAll(async () => {
    await recreateDatabase(DATABASE_URL);
    process.env.DATABASE_URL = DATABASE_URL;
    api = await startTestApi();
    const moduleRef = await Test.createTestingModule({
      imports: [ConfigModule.forRoot(loadEnvironment()), PersistenceModule, CommitmentsModule, CatalogueModule],
    }).compile();
    loader = await moduleRef.init();
    await loader.get(CommandBus).execute(new LoadCatalogue('db/catalogue'));
  }, 60_000);

  afterAll(async () => {
    await loader?.close();
    await api?.close();
    process.env.DATABASE_URL = previousUrl;
  });

  it('answers every commitment, in the list, alone and in its history, with a citation and never a line of the seed texts', async () => {
    const codes: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: { items: Array<{ code: string }>; nextCursor: string | null } } = await api.http
        .get('/api/v1/commitments')
        .query({ limit: 200, ...(cursor ? { cursor } : {}) })
        .expect(200);
      expect(LINE_REFERENCE.exec(JSON.stringify(page.body))).toBeNull();
      codes.push(...page.body.items.map((item) => item.code));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(codes).toHaveLength(229);

    for (const code of codes) {
      const commitment = await api.http.get(`/api/v1/commitments/${code}`).expect(200);
      const history = await api.http.get(`/api/v1/commitments/${code}/history`).expect(200);
      for (const [answer, body] of [
        ['commitment', commitment.body],
        ['history', history.body],
      ]) {
        expect({ code, answer, cites: LINE_REFERENCE.exec(JSON.stringify(body))?.[0] ?? null }).toEqual({ code, answer, cites: null });
      }
      // the book by chapter, and by page where its printed running heads let the page be counted; the SG's report by symbol
      const source: string = commitment.body.source;
      expect({ code, source }).toEqual({
        code,
        source: code.startsWith('SG8-')
          ? 'A/68/190'
          : expect.stringMatching(new RegExp(`^${escape(BOOK)}, chapter “[^”]+”(, pp?\\. \\d+(–\\d+)?)?$`)),
      });
    }

    expect((await api.http.get('/api/v1/commitments/UNWOMEN-a').expect(200)).body.source).toBe(`${BOOK}, chapter “UN Women”, p. 198`);
    expect((await api.http.get('/api/v1/commitments/JOINT-a').expect(200)).body.source).toBe(
      `${BOOK}, chapter “The international system working as one”, p. 21`,
    );
    const history = (await api.http.get('/api/v1/commitments/SG8-2/history').expect(200)).body.items as Array<{
      type: string;
      payload: { agency?: string; summary?: string };
    }>;
    const ilo = history.find(
      (e) => e.type === 'ProgressReported' && e.payload.agency === 'ILO' && e.payload.summary?.includes('eight-point'),
    );
    expect(ilo?.payload.summary).toMatch(
      /\[Source: Thirteenth Coordination Meeting on International Migration \(United Nations Population Division, 2015\), p\. 11\]$/,
    );
  });

  it('answers the agencies and the agenda items with citations, never a line of the seed texts', async () => {
    const agencies = await api.http.get('/api/v1/agencies').expect(200);
    const agendaItems = await api.http.get('/api/v1/agenda-items').expect(200);
    expect(LINE_REFERENCE.exec(JSON.stringify(agencies.body))).toBeNull();
    expect(LINE_REFERENCE.exec(JSON.stringify(agendaItems.body))).toBeNull();
    const source = (code: string) => agencies.body.items.find((a: { code: string }) => a.code === code).source;
    expect(source('IOM')).toBe(`${BOOK}, chapter “International Organization for Migration”, p. 103`);
    expect(source('EU')).toBe('Twelfth Coordination Meeting on International Migration, ESA/P/WP.237, explanatory notes and sect. IV');
    expect(agendaItems.body.items[1].source).toContain('(Thirteenth Coordination Meeting (2015), p. 11)');
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
