import type { CommitmentStatus } from '@hld/commitments';
import type {
  AgendaItemSection,
  AgencyTable,
  CompiledSummary,
  DocumentReference,
  EventCitation,
  OverdueStatement,
  ProgressStatement,
  ReportCitation,
  StatusCounts,
} from '../domain/summary-document.js';
import { capitalise, count, enumerate, figures, innerQuotation, longDate, longInstant, noun, perCent, together } from './editorial-form.js';
import { measureColumns, type MeasuredColumn, type TableColumn } from './table-layout.js';

/**
 * The summary as a sequence of document blocks, shared by Markdown, HTML and DOCX so that every format says
 * the same sentences with the same numbers, the same paragraph numbers and the same footnote numbers (a drafter
 * can cite "para. 12" or "note 7" of any of them). The text follows the United Nations Editorial Manual (see
 * editorial-form.ts). Produced lazily: the annex rows are generated as a writer asks for them.
 */

/** A stretch of a paragraph's text, with its emphasis. */
export interface Run {
  text: string;
  bold?: boolean;
  italic?: boolean;
}

/**
 * A source, printed as a footnote at the end of the paragraph it supports, numbered from 1 through the document;
 * with the tracker's record behind it, which is kept out of the running text (an annex, or document properties)
 * so that tracing stays possible. Flat, and its text shared with the notes that read the same: a large year
 * has hundreds of thousands of them, all held until the end of the document.
 */
export interface SourceNote {
  number: number;
  text: string;
  commitmentCode: string;
  /** The progress report quoted, or null for a status change. */
  reportId: string | null;
  /** The event of the status change, or null for a progress report. */
  eventPosition: number | null;
}

/** The record as the tracing annex and the document properties name it. */
export const recordText = (n: SourceNote): string => (n.reportId !== null ? `progress report ${n.reportId}` : `event ${n.eventPosition}`);

export type Block =
  | { kind: 'title'; text: string; subtitle: string }
  | { kind: 'heading'; level: 1 | 2 | 3; text: string }
  /** `number`: the paragraph number of the body (consecutive from 1); null for notes and annex entries. */
  | { kind: 'paragraph'; number: number | null; runs: Run[]; note: SourceNote | null }
  /** Figures throughout; each column at least as wide as its widest code or word (see table-layout.ts). */
  | { kind: 'table'; columns: MeasuredColumn[]; rows: Iterable<string[]> }
  /** A status chart; `description` says what it shows (its alternative text), and the paragraph before it gives the counts. */
  | { kind: 'chart'; description: string; counts: StatusCounts }
  | { kind: 'pageBreak' }
  /** At the end of the body: every source note, in order, with its record (for endnotes, and what a writer keeps for tracing). */
  | { kind: 'sourceRecords'; notes: readonly SourceNote[] }
  /** The compilation's instants, position, generator and checksum: the last thing in the document. */
  | { kind: 'provenance'; text: string };

export const STATUS_LABELS: Record<CommitmentStatus, string> = {
  proposed: 'proposed',
  accepted: 'accepted',
  in_progress: 'in progress',
  under_review: 'under review',
  completed: 'completed',
  discontinued: 'discontinued',
};

/** The statuses that have commitments, with their counts in words or figures as they occur together with `total`. */
function breakdown(total: number, counts: StatusCounts): { total: string; parts: string[] } {
  const present = (Object.entries(counts) as Array<[CommitmentStatus, number]>).filter(([, n]) => n > 0);
  const [first, ...rest] = together([total, ...present.map(([, n]) => n)]);
  return { total: first, parts: present.map(([status], i) => `${rest[i]} ${STATUS_LABELS[status]}`) };
}

/** ": 15 proposed, 1 in progress and 1 completed"; ", all proposed" or "; it is proposed" when there is one status only. */
function statusList(total: number, counts: StatusCounts, verb: 'is' | 'was'): string {
  const { parts } = breakdown(total, counts);
  if (parts.length === 1) return total === 1 ? `; it ${verb} ${parts[0].replace(/^\S+ /, '')}` : `, all ${parts[0].replace(/^\S+ /, '')}`;
  return `: ${enumerate(parts)}`;
}

/** "Twelfth Coordination Meeting on International Migration, ESA/P/WP.237, sect. IV"; "…, pp. 5–6". */
export const citeDocument = (d: DocumentReference): string =>
  [d.title, d.symbol, d.locator, d.page === null ? null : `${/^\d+$/.test(d.page) ? 'p.' : 'pp.'} ${d.page}`]
    .filter((p) => p !== null)
    .join(', ');

function reportNote(c: ReportCitation): string {
  const report = `progress report of ${c.agency}, ${longDate(c.date)}`;
  return c.document ? `${citeDocument(c.document)}; ${report}.` : `${capitalise(report)}.`;
}

const eventNote = (c: EventCitation): string => `Status change of ${longDate(c.date)} recorded in the HLD follow-up tracker.`;

export function changeText(change: { from: CommitmentStatus; to: CommitmentStatus; citation: EventCitation }): string {
  return `${STATUS_LABELS[change.from]} → ${STATUS_LABELS[change.to]} (${longDate(change.citation.date)})`;
}

/** Builds numbered paragraphs and their notes, in document order. */
class Numbering {
  private paragraphs = 0;
  readonly notes: SourceNote[] = [];
  /** Note texts already made: most notes of a large year read the same as many others. */
  private readonly texts = new Map<string, string>();

  para(runs: Run[], source?: Omit<SourceNote, 'number'>): Block {
    let note: SourceNote | null = null;
    if (source) {
      let text = this.texts.get(source.text);
      if (text === undefined) {
        if (this.texts.size >= 10_000) this.texts.clear();
        this.texts.set(source.text, (text = source.text));
      }
      note = {
        number: this.notes.length + 1,
        text,
        commitmentCode: source.commitmentCode,
        reportId: source.reportId,
        eventPosition: source.eventPosition,
      };
      this.notes.push(note);
    }
    return { kind: 'paragraph', number: ++this.paragraphs, runs, note };
  }

  note(text: string): Block {
    return { kind: 'paragraph', number: null, runs: [{ text, italic: true }], note: null };
  }
}

/**
 * The summary as a sequence of document blocks, shared by Markdown, HTML and DOCX so that these formats say the
 * same sentences with the same numbers and the same paragraph numbers (a drafter can cite "para. 12" of any of
 * them); JSON is the document itself, and CSV and XLSX hold its annex. A generator: the blocks, and the annex
 * rows inside them, are made as a writer asks for them.
 */
export function* outline({ body, annex }: CompiledSummary, checksum: string): Generator<Block> {
  const { year, overview, provenance } = body;
  // "as at" is the cut-off (effective time), never the day it was compiled
  const asAt = longDate(provenance.asAt);
  const doc = new Numbering();
  const text = (t: string): Run[] => [{ text: t }];

  yield {
    kind: 'title',
    text: `Annual progress summary ${year}`,
    subtitle: 'Follow-up to the 2013 High-level Dialogue on International Migration and Development',
  };

  yield { kind: 'heading', level: 1, text: 'I. Overview' };
  yield doc.para(
    text(
      overview.commitments === 0
        ? `As at ${asAt}, the tracker recorded no commitment.`
        : `As at ${asAt}, the tracker recorded ${breakdown(overview.commitments, overview.byStatus).total} ${noun(overview.commitments, 'commitment', 'commitments')}${statusList(overview.commitments, overview.byStatus, 'was')}.`,
    ),
  );
  yield doc.para(text(changesSentence(body.overview.changesDuringYear, year)));
  yield doc.para(
    text(
      overview.overdue === 0
        ? `As at ${asAt}, no commitment was overdue.`
        : `As at ${asAt}, ${count(overview.overdue)} ${noun(overview.overdue, 'commitment was', 'commitments were')} overdue.`,
    ),
  );
  yield doc.para(text(reportingSentences(overview.reporting, year)));
  yield doc.para(
    text(
      (overview.progressReports === 0
        ? `No progress report was recorded for ${year}.`
        : overview.progressReports < 10
          ? `${capitalise(count(overview.progressReports))} ${noun(overview.progressReports, 'progress report was', 'progress reports were')} recorded for ${year}.`
          : `A total of ${figures(overview.progressReports)} progress reports were recorded for ${year}.`) +
        lateSentence(overview.reportedLate),
    ),
  );
  const statusRows = [
    ...(Object.entries(overview.byStatus) as Array<[CommitmentStatus, number]>).map(([s, n]) => [capitalise(STATUS_LABELS[s]), figures(n)]),
    ['Total', figures(overview.commitments)],
  ];
  yield table(
    [
      { title: 'Status', weight: 0, keep: true },
      { title: 'Commitments', weight: 0, keep: true, numeric: true },
    ],
    statusRows,
    () => statusRows,
  );
  yield doc.note(
    `Notes: The summary describes the commitments as at ${asAt} (their statuses, owners and due dates then), as the ` +
      `tracker had recorded them by the compilation. Changes during ${year} are status changes that took effect in the ` +
      `calendar year (UTC). Progress for ${year} is every progress report whose period is ${year}, whenever it was ` +
      `recorded before the compilation, dated as the agency dated it; “reported late” marks one recorded after the ` +
      `deadline of the ${year} reporting cycle. An agency owed a report when it led a ` +
      `commitment open at some time during ${year}. A commitment is overdue when it is neither completed nor discontinued ` +
      `and its due date has passed, or the deadline of the latest reporting cycle has passed without its lead agency’s ` +
      `progress report on it for that cycle’s year. The source of each statement is given in a footnote; “unchanged since ${year - 1}” ` +
      `marks a text identical to the same agency’s report on the same commitment for ${year - 1}.`,
  );

  yield { kind: 'heading', level: 1, text: 'II. Progress by agenda item' };
  for (const section of body.agendaItems) yield* agendaItemSection(section, year, asAt, doc);

  yield { kind: 'heading', level: 1, text: 'III. Agencies' };
  for (const agency of body.agencies) yield* agencySection(agency, year, doc);
  // the body ends here, and with it the notes (the annexes have none)
  yield { kind: 'sourceRecords', notes: doc.notes };

  yield { kind: 'pageBreak' };
  yield { kind: 'heading', level: 1, text: `Annex I. Commitments as at ${asAt}` };
  const annexRows = function* () {
    for (const row of annex.commitments()) {
      yield [
        row.code,
        row.title,
        row.leadAgency,
        STATUS_LABELS[row.status],
        row.lastReportPeriod === null ? '—' : String(row.lastReportPeriod),
        row.overdue ? 'yes' : 'no',
      ];
    }
  };
  yield table(
    [
      { title: 'Code', weight: 0, keep: true },
      { title: 'Title', weight: 1, keep: false },
      { title: 'Lead agency', weight: 0, keep: true },
      { title: 'Status', weight: 0, keep: true },
      { title: 'Last report period', weight: 0, keep: true },
      { title: 'Overdue', weight: 0, keep: true },
    ],
    annexRows(),
    annexRows,
  );
  yield { kind: 'heading', level: 1, text: `Annex II. Progress reports for ${year} (full text)` };
  let any = false;
  for (const report of annex.progressReports()) {
    any = true;
    yield {
      kind: 'paragraph',
      number: null,
      runs: [
        { text: `${report.commitmentCode}: ${report.agency}, ${longDate(report.date)}`, bold: true },
        ...(report.kind !== 'report' ? [{ text: ` (${report.kind.replace(/_/g, ' ')})`, italic: true }] : []),
        ...(report.unchangedSincePreviousYear ? [{ text: ` (unchanged since ${year - 1})`, italic: true }] : []),
        ...(report.reportedLate ? [{ text: ' (reported late)', italic: true }] : []),
        ...(report.document ? [{ text: `. Source: ${citeDocument(report.document)}` }] : []),
      ],
      note: null,
    };
    yield { kind: 'paragraph', number: null, runs: [{ text: report.text }], note: null };
  }
  if (!any) yield doc.note(`No progress report was recorded for ${year}.`);

  yield {
    kind: 'provenance',
    text:
      `As at ${asAt} (effective), as recorded by ${longInstant(provenance.recordedBy)}. ` +
      `Compiled on ${longInstant(provenance.compiledAsOf)} from the tracker's event log up to position ${figures(provenance.eventPosition)}, ` +
      `by ${provenance.generator}. Checksum of the JSON edition: ${checksum}.`,
  };
}

/** A table block: `measure` is a second pass over the rows (the annex's rows are generated again rather than kept). */
function table(columns: TableColumn[], rows: Iterable<string[]>, measure: () => Iterable<string[]>): Block {
  return { kind: 'table', columns: measureColumns(columns, measure()), rows };
}

function changesSentence(c: CompiledSummary['body']['overview']['changesDuringYear'], year: number): string {
  const changes = (
    [
      ['newly accepted', c.newlyAccepted],
      ['started', c.started],
      ['completed', c.completed],
      ['discontinued', c.discontinued],
      ['reopened', c.reopened],
    ] as const
  ).filter(([, n]) => n > 0);
  if (changes.length === 0) return `During ${year}, no commitment was newly accepted, started, completed, discontinued or reopened.`;
  const numbers = together(changes.map(([, n]) => n));
  const parts = changes.map(
    ([label, n], i) => `${numbers[i]}${i === 0 ? ` ${noun(n, 'commitment', 'commitments')}` : ''} ${n === 1 ? 'was' : 'were'} ${label}`,
  );
  return `During ${year}, ${enumerate(parts)}.`;
}

function reportingSentences(r: CompiledSummary['body']['overview']['reporting'], year: number): string {
  const also = r.reportedWithoutObligation.length
    ? ` ${enumerate(r.reportedWithoutObligation)} also reported, without leading an open commitment.`
    : '';
  if (r.owed === 0) return `No agency led a commitment open during ${year}, so none owed a report.${also}`;
  const [owed, reported] = together([r.owed, r.reported]);
  const rate = r.percent === null ? '' : ` (a reporting rate of ${perCent(r.percent)})`;
  const first =
    r.owed === 1
      ? `One agency led a commitment open during ${year}; it ${r.reported === 1 ? 'reported' : 'did not report'} progress for ${year}${rate}.`
      : `Of the ${owed} agencies that led a commitment open during ${year}, ${r.reported === 0 ? 'none' : reported} reported progress for ${year}${rate}.`;
  const missing = r.notReported.length && r.owed > 1 ? ` ${enumerate(r.notReported)} did not report.` : '';
  return `${first}${missing}${also}`;
}

function* agendaItemSection(section: AgendaItemSection, year: number, asAt: string, doc: Numbering): Generator<Block> {
  const isItem = section.number !== null;
  // the recommendations linked to no agenda item are a section only when there are some
  if (!isItem && section.commitments === 0) return;
  const title = isItem ? `Agenda item ${section.number}: ${section.title}` : section.title;
  const scope = isItem ? 'this agenda item' : 'these recommendations';
  yield { kind: 'heading', level: 2, text: title };
  if (section.commitments === 0) {
    yield doc.para([{ text: `No commitment is linked to ${scope}.` }]);
    return;
  }
  const { total } = breakdown(section.commitments, section.byStatus);
  const linked = isItem ? 'linked to this agenda item' : 'linked to no agenda item';
  yield doc.para([
    {
      text:
        (section.commitments < 10
          ? `${capitalise(total)} ${noun(section.commitments, 'commitment is', 'commitments are')} ${linked}`
          : `A total of ${total} commitments are ${linked}`) + `${statusList(section.commitments, section.byStatus, 'is')}.`,
    },
  ]);
  const statuses = (Object.entries(section.byStatus) as Array<[CommitmentStatus, number]>)
    .map(([s, n]) => `${STATUS_LABELS[s]}, ${figures(n)}`)
    .join('; ');
  yield {
    kind: 'chart',
    description: `Bar chart of the status of the ${figures(section.commitments)} ${noun(section.commitments, 'commitment', 'commitments')} ${isItem ? `linked to agenda item ${section.number}` : 'linked to no agenda item'}: ${statuses}.`,
    counts: section.byStatus,
  };

  // what is empty is said in one sentence, and its sub-section left out
  const none = [
    section.completed.length === 0 ? `completed during ${year}` : null,
    section.overdue.length === 0 ? `overdue as at ${asAt}` : null,
  ].filter((p) => p !== null);
  const empty = [
    section.progress.length === 0 ? `no progress was reported for ${year} on ${scope}` : null,
    none.length ? `none of its commitments was ${none.join(' or ')}` : null,
  ].filter((p) => p !== null);
  if (empty.length) yield doc.para([{ text: `${capitalise(empty.join(', and '))}.` }]);

  if (section.progress.length) {
    yield { kind: 'heading', level: 3, text: `Progress reported for ${year}` };
    for (const { agency, statements } of section.progress) {
      for (const statement of statements) {
        yield doc.para(progressRuns(agency, statement, year), {
          text: reportNote(statement.citation),
          commitmentCode: statement.citation.commitmentCode,
          reportId: statement.citation.reportId,
          eventPosition: null,
        });
      }
    }
  }

  if (section.completed.length) {
    yield { kind: 'heading', level: 3, text: `Completed during ${year}` };
    for (const done of section.completed) {
      yield doc.para(
        [
          { text: done.commitmentCode, bold: true },
          {
            text:
              ` (${done.title}), led by ${done.leadAgency}, was completed on ${longDate(done.citation.date)}.` +
              (done.statusNow === 'completed' ? '' : ` It has since been reopened and is ${STATUS_LABELS[done.statusNow]}.`),
          },
        ],
        { text: eventNote(done.citation), commitmentCode: done.commitmentCode, reportId: null, eventPosition: done.citation.eventPosition },
      );
    }
  }

  if (section.overdue.length) {
    yield { kind: 'heading', level: 3, text: `Overdue as at ${asAt}` };
    for (const late of section.overdue) {
      yield doc.para([
        { text: late.commitmentCode, bold: true },
        { text: ` (${late.title}), led by ${late.leadAgency}, ${overdueClause(late, asAt)}.` },
      ]);
    }
  }
}

/** The overview's mention of the year's reports recorded after the cycle's deadline; empty when none was. */
function lateSentence(late: number): string {
  if (late === 0) return '';
  return late === 1
    ? ' One of them was reported late (recorded after the reporting cycle’s deadline).'
    : ` ${late < 10 ? capitalise(count(late)) : figures(late)} of them were reported late (recorded after the reporting cycle’s deadline).`;
}

/** Why a commitment is overdue, in the order of its reasons: its due date, then its lead agency's missing report. */
function overdueClause(late: OverdueStatement, asAt: string): string {
  const due = late.reasons.includes('due_date_passed') && late.dueDate ? `was due on ${longDate(late.dueDate)} and ` : '';
  const clause = `${due}was ${STATUS_LABELS[late.status]} as at ${asAt}`;
  return late.missingReportPeriod === null
    ? clause
    : `${clause}, and ${late.leadAgency} had not reported on it for ${late.missingReportPeriod} by the reporting deadline`;
}

function progressRuns(agency: string, statement: ProgressStatement, year: number): Run[] {
  const runs: Run[] = [
    { text: agency, bold: true },
    {
      text: ` on ${statement.citation.commitmentCode}${statement.kind === 'report' ? '' : ` (${statement.kind.replace(/_/g, ' ')})`}: “${innerQuotation(statement.excerpt)}”`,
    },
  ];
  if (statement.unchangedSincePreviousYear) runs.push({ text: ` (unchanged since ${year - 1})`, italic: true });
  if (statement.reportedLate) runs.push({ text: ' (reported late)', italic: true });
  return runs;
}

function* agencySection(agency: AgencyTable, year: number, doc: Numbering): Generator<Block> {
  yield { kind: 'heading', level: 2, text: `${agency.code}: ${agency.name}` };
  const [led, supported] = together([agency.led, agency.supported]);
  const commitments = (n: number) => noun(n, 'commitment', 'commitments');
  const roles =
    agency.led === 0 && agency.supported === 0
      ? `${agency.code} neither leads nor supports a commitment.`
      : agency.led === 0
        ? `${agency.code} supports ${supported} ${commitments(agency.supported)} and leads none.`
        : agency.supported === 0
          ? `${agency.code} leads ${led} ${commitments(agency.led)} and supports none.`
          : `${agency.code} leads ${led} ${commitments(agency.led)} and supports ${supported}.`;
  const reports = `${count(agency.reports)} ${noun(agency.reports, 'report', 'reports')}`;
  const reporting = agency.owed
    ? agency.reports > 0
      ? `It owed a report for ${year} and reported progress in ${reports}.`
      : `It owed a report for ${year} but did not report progress.`
    : agency.reports > 0
      ? `It reported progress for ${year} in ${reports} without owing a report.`
      : `It neither owed nor made a report for ${year}.`;
  yield doc.note(`${roles} ${reporting}`);
  if (agency.commitments.length === 0) return;
  const rows = agency.commitments.map((row) => [
    row.commitmentCode,
    row.role,
    STATUS_LABELS[row.status],
    row.reported ? 'yes' : 'no',
    row.statusChanges.map(changeText).join('; ') || '—',
  ]);
  yield table(
    [
      { title: 'Commitment', weight: 0, keep: true },
      { title: 'Role', weight: 0, keep: true },
      { title: 'Status', weight: 0, keep: true },
      { title: `Reported for ${year}`, weight: 0, keep: true },
      { title: `Status changes during ${year}`, weight: 1, keep: false },
    ],
    rows,
    () => rows,
  );
}
