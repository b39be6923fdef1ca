/**
 * Maintenance script: turns the catalogue's line references into citations of documents and pages.
 *
 *   npx nest build api && node dist/db/catalogue/cite-sources.js [seeds dir] [catalogue dir]
 *
 * Reads the source texts (../shared/seeds by default: 000 the report of the 12th Coordination Meeting, 001 the
 * 13th, 003 the 12th meeting's web page, 004 the UNFPA/IOM book) and db/catalogue. Every record that cites keeps
 * its line references in `sourceLines` (for maintainers; the ids of the loaded progress reports are made from
 * them) and gets `citations` (document, and chapter, sections or pages) and `source`, the citation as users read
 * it. Writes db/catalogue/documents.json, the registry of the documents. Running it again changes nothing.
 * db/catalogue/README.md ("Citations") says how pages are found in each text; `npm run catalogue:check` checks
 * the result.
 */
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { formatCitation, formatCitations, type Citation, type SourceDocument } from '../../libs/catalogue/src/citations.js';

type Json = Record<string, unknown>;

const BOOK = 'unfpa-iom-2013';
const POPULATION_DIVISION = 'United Nations Population Division';

async function seed(seedsDir: string, prefix: string): Promise<string[]> {
  const file = (await readdir(seedsDir)).find((f) => f.startsWith(`${prefix}_`));
  if (!file) throw new Error(`No seed text ${prefix}_* in ${seedsDir}`);
  // line n of the file is lines[n]: line numbers as `sed -n` counts them
  return ['', ...(await readFile(join(seedsDir, file), 'utf8')).split('\n')];
}

/** One part of a text that is paged on its own: a chapter of the book, the preface, the foreword. */
interface Part {
  title: string;
  chapter: boolean;
  start: number;
  end: number;
  /** The lines where its pages start, in order. */
  pageStarts: number[];
  first: number | null;
}

/**
 * The book (004). A page starts at a line indented by one or more spaces (how the text was extracted) or at a
 * running head: the book's title on even pages, "Chapter n: …" on odd ones, then the page number two lines
 * below. Thirteen running heads survive; a chapter holding one is numbered from it. Each chapter opens on an odd
 * page faced by a divider page, after a blank page when the previous chapter ended on an even one: where that
 * rule, counted from one chapter with printed numbers, lands exactly on the first page of the next one, the
 * chapters between are numbered too. Other chapters have no page (their citation names the chapter).
 */
function bookPages(lines: string[], chapterTitleLines: number[]) {
  // lines that begin with spaces but continue a footnote, not a page
  const footnoteLines = new Set([9651, 9763, 13629]);
  const heads = new Map<number, number>();
  for (let n = 3; n < lines.length; n += 1) {
    if (/^\s*\d{1,3}\s*$/.test(lines[n]) && /Contributions and Recommendations of (the )?International System|^Chapter \d+:/.test(lines[n - 2])) {
      heads.set(n - 2, Number(lines[n].trim()));
    }
  }
  const starts = new Set<number>(heads.keys());
  lines.forEach((line, n) => {
    if (n > 0 && /^ +\S/.test(line) && !footnoteLines.has(n)) starts.add(n);
  });
  const title = (n: number) => `${lines[n].trim()}${lines[n + 1].trim() ? ` ${lines[n + 1].trim()}` : ''}`;
  const firstChapter = chapterTitleLines[0];
  const bounds = [1, lines.findIndex((l) => /^ Foreword/.test(l)), ...chapterTitleLines, lines.length];
  const parts: Part[] = bounds.slice(0, -1).map((start, i) => ({
    title: start === 1 ? 'Preface' : title(start),
    chapter: start >= firstChapter,
    start,
    end: bounds[i + 1] - 1,
    pageStarts: [...starts].filter((n) => n >= start && n < bounds[i + 1]).sort((a, b) => a - b),
    first: null,
  }));
  for (const part of parts) {
    if (part.pageStarts[0] !== part.start) throw new Error(`004: "${part.title}" (l. ${part.start}) does not start a page`);
    const numbered = part.pageStarts.filter((n) => heads.has(n)).map((n) => heads.get(n)! - part.pageStarts.indexOf(n));
    if (new Set(numbered).size > 1) throw new Error(`004: the running heads of "${part.title}" disagree`);
    part.first = numbered[0] ?? null;
  }
  const last = (p: Part) => p.first! + p.pageStarts.length - 1;
  const nextChapterStart = (end: number) => (end % 2 === 1 ? end + 2 : end + 3);
  const chapters = parts.filter((p) => p.chapter);
  for (let i = 0; i < chapters.length; i += 1) {
    if (chapters[i].first === null) continue;
    const run: Part[] = [];
    let j = i + 1;
    while (j < chapters.length && chapters[j].first === null) run.push(chapters[j++]);
    if (run.length === 0 || j === chapters.length) continue;
    let start = nextChapterStart(last(chapters[i]));
    const firsts = run.map((p) => {
      const first = start;
      start = nextChapterStart(first + p.pageStarts.length - 1);
      return first;
    });
    if (start === chapters[j].first) run.forEach((p, k) => (p.first = firsts[k]));
  }
  const partOf = (n: number) => parts.find((p) => n >= p.start && n <= p.end)!;
  const pageOf = (n: number): number | null => {
    const part = partOf(n);
    if (part.first === null) return null;
    return part.first + part.pageStarts.filter((s) => s <= n).length - 1;
  };
  const numberedPages = parts.filter((p) => p.first !== null).flatMap((p) => [p.first!, last(p)]);
  const printedNumbers = new Map<string, number>();
  for (const [n] of heads) {
    const match = /^Chapter (\d+):/.exec(lines[n]);
    if (match) printedNumbers.set(partOf(n).title, Number(match[1]));
  }
  return {
    pageOf,
    chapterOf: (n: number) => (partOf(n).chapter ? partOf(n).title : undefined),
    pages: { first: Math.min(...numberedPages), last: Math.max(...numberedPages) },
    chapters: chapters.map((p) => ({
      title: p.title,
      ...(printedNumbers.has(p.title) ? { number: printedNumbers.get(p.title) } : {}),
      ...(p.first === null ? {} : { pages: { first: p.first, last: last(p) } }),
    })),
  };
}

/**
 * The report of the 13th meeting (001), which is fragmentary. A page starts at a line indented by a space or a
 * tab, or after a page number standing alone (two survive: 11 and 12). The pages are counted from those two, as
 * the text shows them in order with none missing: where text runs on from one page to the next (l. 105-106,
 * 254-255) nothing is lost, and where a page was cut its number still follows it.
 */
function thirteenthMeetingPages(lines: string[]) {
  const starts = [1];
  const printed: Array<{ index: number; page: number }> = [];
  for (let n = 2; n < lines.length; n += 1) {
    if (/^\d{1,3}\s*$/.test(lines[n])) {
      printed.push({ index: starts.length - 1, page: Number(lines[n].trim()) });
      starts.push(n + 1);
    } else if (/^[ \t]+\S/.test(lines[n]) && starts[starts.length - 1] !== n) starts.push(n);
  }
  const firsts = new Set(printed.map(({ index, page }) => page - index));
  if (firsts.size !== 1) throw new Error('001: the printed page numbers disagree');
  const [first] = firsts;
  const pageOf = (n: number) => first + starts.filter((s) => s <= n).length - 1;
  return { pageOf, pages: { first, last: pageOf(lines.length - 1) } };
}

/**
 * The report of the 12th meeting (000) prints no page numbers in the text the catalogue was made from, so its
 * citations name the part instead: the preface, the explanatory notes, the introduction, or a numbered section.
 */
function twelfthMeetingSections(lines: string[]) {
  const headings: Array<{ line: number; id: string; title: string }> = [];
  lines.forEach((line, n) => {
    const numbered = /^([IVX]+)\. (.+)$/.exec(line);
    if (numbered) headings.push({ line: n, id: numbered[1], title: numbered[2] });
    else if (line === 'PREFACE') headings.push({ line: n, id: 'preface', title: 'Preface' });
    else if (line === 'EXPLANATORY NOTES') headings.push({ line: n, id: 'explanatory notes', title: 'Explanatory notes' });
    else if (line === 'REPORT OF THE TWELFTH MEETING') headings.push({ line: n, id: 'introduction', title: 'Report of the twelfth meeting' });
  });
  const sectionOf = (n: number) => [...headings].reverse().find((h) => h.line <= n)?.id;
  return { sectionOf, sections: headings.map(({ id, title }) => ({ id, title })) };
}

/** The 12th meeting's web page (003): its list of contributed papers, each a title line then its symbol line. */
function contributedPapers(lines: string[]): Array<SourceDocument & { lines: [number, number] }> {
  const papers: Array<SourceDocument & { lines: [number, number] }> = [];
  lines.forEach((line, n) => {
    const match = /^\((UN\/POP\/MIG-12CM\/2014\/(\d\d))\) - (.+?)\s*-?\s*$/.exec(line);
    if (!match) return;
    papers.push({
      id: `cm12-paper-${match[2]}`,
      kind: 'contributed-paper',
      title: lines[n - 1].trim(),
      symbol: match[1],
      publisher: match[3],
      year: 2014,
      lines: [n - 1, n],
    });
  });
  return papers;
}

/** Every "NNN l. a-b, c" in a line-reference string, in order: the file prefix and its line ranges. */
function lineReferences(text: string): Array<{ file: string; ranges: Array<[number, number]> }> {
  const found: Array<{ file: string; ranges: Array<[number, number]> }> = [];
  for (const match of text.matchAll(/\b(\d{3}) l\. (\d+(?:-\d+)?(?:, \d+(?:-\d+)?)*)(?![\d-])/g)) {
    const ranges = match[2].split(', ').map((r): [number, number] => {
      const [a, b] = r.split('-').map(Number);
      return [a, b ?? a];
    });
    found.push({ file: match[1], ranges });
  }
  return found;
}

/** Pages as the data writes them: "12", "12-14", "3, 16" (consecutive pages joined into ranges). */
function pagesText(pages: Iterable<number>): string {
  const sorted = [...new Set(pages)].sort((a, b) => a - b);
  const ranges: Array<[number, number]> = [];
  for (const page of sorted) {
    const last = ranges[ranges.length - 1];
    if (last && page === last[1] + 1) last[1] = page;
    else ranges.push([page, page]);
  }
  return ranges.map(([a, b]) => (a === b ? String(a) : `${a}-${b}`)).join(', ');
}

/** Rewrites the citations of the catalogue in `catalogueDir` from its line references and the texts in `seedsDir`. */
export async function citeSources(seedsDir: string, catalogueDir: string): Promise<void> {
  const [twelfth, thirteenth, webPage, book] = await Promise.all(['000', '001', '003', '004'].map((prefix) => seed(seedsDir, prefix)));
  const readJson = async (file: string) => JSON.parse(await readFile(join(catalogueDir, file), 'utf8')) as unknown;
  const writeJson = (file: string, data: unknown) => writeFile(join(catalogueDir, file), `${JSON.stringify(data, null, 2)}\n`);

  const agencies = (await readJson('agencies.json')) as Json[];
  const linesOf = (record: Json) => String(record.sourceLines ?? record.source);
  const chapterTitleLines = agencies
    .filter((a) => a.contributedToBook)
    .map((a) => lineReferences(linesOf(a))[0].ranges[0][0])
    .concat(book.findIndex((l) => l === ' The international system working as one'))
    .sort((a, b) => a - b);

  const bookPaging = bookPages(book, chapterTitleLines);
  const cm13 = thirteenthMeetingPages(thirteenth);
  const cm12 = twelfthMeetingSections(twelfth);
  const papers = contributedPapers(webPage);
  const backgroundDocuments: Array<SourceDocument & { lines: [number, number] }> = [
    {
      id: 'srsg-post-2015-partnership',
      kind: 'background-document',
      title: webPage[27].trim(),
      symbol: null,
      publisher: webPage[28].replace(/\s*-\s*$/, ''),
      year: null,
      lines: [27, 28],
    },
    {
      id: 'gmg-indicators-retreat-note',
      kind: 'background-document',
      title: webPage[33].trim(),
      symbol: null,
      publisher: 'Global Migration Group',
      // the retreat took place on 21 January 2014 (000 l. 190)
      year: 2014,
      lines: [33, 34],
    },
  ];

  const documents: Array<SourceDocument & { seedFile?: string; note?: string }> = [
    {
      id: 'cm12-report',
      kind: 'working-paper',
      title: 'Twelfth Coordination Meeting on International Migration',
      symbol: 'ESA/P/WP.237',
      publisher: POPULATION_DIVISION,
      year: 2014,
      sections: cm12.sections,
      seedFile: '000',
      note: 'Title and symbol as in its suggested citation. The text prints no page numbers, so citations name the section.',
    },
    {
      id: 'cm13-report',
      kind: 'publication',
      title: 'Thirteenth Coordination Meeting on International Migration',
      shortTitle: 'Thirteenth Coordination Meeting (2015)',
      symbol: null,
      publisher: POPULATION_DIVISION,
      year: 2015,
      pages: cm13.pages,
      seedFile: '001',
      note: 'Its title page and symbol are not in the text; the title follows the series (ESA/P/WP.237) and its preface. Pages counted from the printed pages 11 and 12.',
    },
    {
      id: 'cm12-web-page',
      kind: 'web-page',
      title: 'Twelfth Coordination Meeting on International Migration',
      shortTitle: 'web page of the twelfth Coordination Meeting',
      symbol: null,
      publisher: POPULATION_DIVISION,
      year: 2014,
      // the address the report gives for the meeting's materials (000 l. 55)
      url: 'http://www.un.org/esa/population/meetings/twelfthcoord2014/twelfthcoord2014.htm',
      seedFile: '003',
    },
    {
      id: BOOK,
      kind: 'publication',
      title: 'International Migration and Development: Contributions and Recommendations of the International System',
      shortTitle: 'UNFPA and IOM (2013)',
      symbol: null,
      publisher: 'UNFPA and IOM',
      year: 2013,
      pages: bookPaging.pages,
      chapters: bookPaging.chapters,
      seedFile: '004',
      note: 'Pages counted from its printed running heads; chapters without pages are cited by title.',
    },
    {
      id: 'a-68-190',
      kind: 'official-document',
      title: 'International migration and development: report of the Secretary-General',
      symbol: 'A/68/190',
      publisher: 'United Nations',
      year: 2013,
      note: 'Not among the source texts, which cite it by symbol (000 l. 92; 003 l. 15); its title is general knowledge.',
    },
    ...papers.map(({ lines: _, ...paper }) => ({ ...paper, seedFile: '003' })),
    ...backgroundDocuments.map(({ lines: _, ...document }) => ({ ...document, seedFile: '003' })),
  ];
  const registry = new Map<string, SourceDocument>(documents.map((d) => [d.id, d]));

  const webPageDocument = (line: number) =>
    [...papers, ...backgroundDocuments].find((d) => line >= d.lines[0] && line <= d.lines[1])?.id ?? 'cm12-web-page';

  /** The citations behind a line-reference string, the documents in the order the string names them. */
  const citationsOf = (text: string): Citation[] => {
    const byDocument = new Map<string, { lines: number[] }>();
    const add = (document: string, lines: number[]) => {
      const entry = byDocument.get(document) ?? { lines: [] };
      entry.lines.push(...lines);
      byDocument.set(document, entry);
    };
    if (/^A\/68\/190\b/.test(text)) add('a-68-190', []);
    for (const { file, ranges } of lineReferences(text)) {
      const lines = ranges.flatMap(([a, b]) => Array.from({ length: b - a + 1 }, (_, i) => a + i));
      if (file === '003') for (const line of lines) add(webPageDocument(line), [line]);
      else add({ '000': 'cm12-report', '001': 'cm13-report', '004': BOOK }[file] ?? `unknown file ${file}`, lines);
    }
    return [...byDocument].map(([document, { lines }]): Citation => {
      if (document === 'cm12-report') return { document, sections: [...new Set(lines.map(cm12.sectionOf))].filter((s) => s !== undefined) };
      if (document === 'cm13-report') return { document, pages: pagesText(lines.map(cm13.pageOf)) };
      if (document === BOOK) {
        const chapter = bookPaging.chapterOf(lines[0]);
        const pages = lines.map(bookPaging.pageOf);
        return {
          document,
          ...(chapter ? { chapter } : {}),
          ...(pages.every((p) => p !== null) ? { pages: pagesText(pages as number[]) } : {}),
        };
      }
      return { document };
    });
  };

  /** The record with `source` the citation users read, then `citations`, then `sourceLines`, in that place. */
  const cite = (record: Json): Json => {
    const lines = linesOf(record);
    const citations = citationsOf(lines);
    const rest = Object.fromEntries(Object.entries(record).filter(([k]) => k !== 'citations' && k !== 'sourceLines'));
    return Object.fromEntries(
      Object.entries(rest).flatMap(([key, value]) =>
        key === 'source' ? [['source', formatCitations(citations, registry)], ['citations', citations], ['sourceLines', lines]] : [[key, value]],
      ),
    );
  };

  /** Prose with line references in parentheses ("… (000 l. 192)"): each becomes a short citation. */
  const citeInProse = (text: string) =>
    text.replace(/\b\d{3} l\. \d+(?:-\d+)?(?:, \d+(?:-\d+)?)*(?![\d-])/g, (reference) =>
      citationsOf(reference)
        .map((c) => formatCitation(c, registry, true))
        .join('; '),
    );

  await writeJson(
    'documents.json',
    documents.map((d) => Object.fromEntries(Object.entries(d).filter(([, v]) => v !== undefined))),
  );
  await writeJson('agencies.json', agencies.map(cite));
  await writeJson('progress-reports.json', ((await readJson('progress-reports.json')) as Json[]).map(cite));
  const agendaItems = (await readJson('agenda-items.json')) as Json[];
  await writeJson(
    'agenda-items.json',
    agendaItems.map((item) => {
      const lines = linesOf(item);
      const entries = Object.entries(item).filter(([k]) => k !== 'sourceLines');
      return Object.fromEntries(
        entries.flatMap(([key, value]) => {
          if (key === 'source') return [['source', citeInProse(lines)], ['sourceLines', lines]];
          if (key === 'description') return [['description', citeInProse(String(value))]];
          return [[key, value]];
        }),
      );
    }),
  );
  for (const file of (await readdir(join(catalogueDir, 'commitments'))).filter((f) => f.endsWith('.json')).sort()) {
    const data = (await readJson(join('commitments', file))) as Json & { commitments: Json[] };
    await writeJson(join('commitments', file), { ...data, commitments: data.commitments.map(cite) });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [seedsDir = '../shared/seeds', catalogueDir = 'db/catalogue'] = process.argv.slice(2);
  await citeSources(seedsDir, catalogueDir);
}
