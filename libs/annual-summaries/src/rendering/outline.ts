import type { CommitmentStatus } from '@hld/commitments';
import type {
  AgendaItemSection,
  AgencyTable,
  CompiledSummary,
  EventCitation,
  ProgressStatement,
  ReportCitation,
  StatusCounts,
} from '../domain/summary-document.js';

/** A stretch of a paragraph's text, with its emphasis. */
export interface Run {
  text: string;
  bold?: boolean;
  italic?: boolean;
}

export type Block =
  | { kind: 'title'; text: string; subtitle: string }
  | { kind: 'heading'; level: 1 | 2 | 3; text: string }
  /** `number`: the paragraph number of the body (UN editorial form); null for notes and annex entries. */
  | { kind: 'paragraph'; number: number | null; runs: Run[]; source: string | null }
  | { kind: 'table'; columns: string[]; widths: number[]; rows: Iterable<string[]> }
  /** A status chart: drawn by the HTML format; the paragraph before it carries the same numbers in words. */
  | { kind: 'chart'; title: string; counts: StatusCounts }
  | { kind: 'pageBreak' };

export const STATUS_LABELS: Record<CommitmentStatus, string> = {
  proposed: 'proposed',
  accepted: 'accepted',
  in_progress: 'in progress',
  under_review: 'under review',
  completed: 'completed',
  discontinued: 'discontinued',
};

/** "a, b and c". */
export function enumerate(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export function statusBreakdown(counts: StatusCounts): string {
  return enumerate((Object.entries(counts) as Array<[CommitmentStatus, number]>).map(([status, n]) => `${n} ${STATUS_LABELS[status]}`));
}

export const reportSource = (c: ReportCitation): string =>
  `${c.commitmentCode}; progress report ${c.reportId}, ${c.agency}, ${c.date}${c.document ? `; ${c.document}` : ''}`;
export const eventSource = (c: EventCitation): string => `${c.commitmentCode}; event ${c.eventPosition}, ${c.date}`;

export function changeText(change: { from: CommitmentStatus; to: CommitmentStatus; citation: EventCitation }): string {
  return `${STATUS_LABELS[change.from]} → ${STATUS_LABELS[change.to]} (${change.citation.date}, event ${change.citation.eventPosition})`;
}

/**
 * The summary as a sequence of document blocks, shared by Markdown, HTML and DOCX so that these formats say the
 * same sentences with the same numbers and the same paragraph numbers (a drafter can cite "para. 12" of any of
 * them); JSON is the document itself, and CSV and XLSX hold its annex. A generator: the blocks, and the annex
 * rows inside them, are made as a writer asks for them.
 */
export function* outline({ body, annex }: CompiledSummary, checksum: string): Generator<Block> {
  const { year, overview, provenance } = body;
  const asOfDate = provenance.compiledAsOf.slice(0, 10);
  const logSource = `event log up to position ${provenance.eventPosition}`;
  let paragraphs = 0;
  const para = (runs: Run[], source: string | null): Block => ({ kind: 'paragraph', number: ++paragraphs, runs, source });
  const note = (text: string): Block => ({ kind: 'paragraph', number: null, runs: [{ text, italic: true }], source: null });

  yield { kind: 'title', text: `Annual progress summary ${year}`, subtitle: 'Follow-up to the 2013 High-level Dialogue on International Migration and Development' };
  yield note(
    `Compiled as at ${provenance.compiledAsOf} from the event log up to position ${provenance.eventPosition}, ` +
      `by ${provenance.generator}. Checksum of the JSON edition: ${checksum}.`,
  );

  yield { kind: 'heading', level: 1, text: 'I. Overview' };
  yield para(
    [{ text: `As at ${asOfDate}, the tracker recorded ${plural(overview.commitments, 'commitment', 'commitments')}: ${statusBreakdown(overview.byStatus)}.` }],
    logSource,
  );
  const c = overview.changesDuringYear;
  yield para(
    [
      {
        text:
          `During ${year}, ${plural(c.newlyAccepted, 'commitment was', 'commitments were')} newly accepted, ${c.started} started, ` +
          `${c.completed} completed and ${c.discontinued} discontinued; ${c.reopened} ${c.reopened === 1 ? 'was' : 'were'} reopened.`,
      },
    ],
    logSource,
  );
  yield para([{ text: `${plural(overview.overdue, 'commitment was', 'commitments were')} overdue as at ${asOfDate}.` }], logSource);
  const r = overview.reporting;
  yield para(
    [
      {
        text:
          `${r.reported} of the ${plural(r.owed, 'agency', 'agencies')} that led a commitment open during ${year} reported progress for ${year}` +
          (r.percent === null ? '.' : ` (reporting rate ${r.percent.toFixed(1)} per cent).`) +
          (r.notReported.length ? ` Not reported: ${enumerate(r.notReported)}.` : '') +
          (r.reportedWithoutObligation.length ? ` Also reported, without leading an open commitment: ${enumerate(r.reportedWithoutObligation)}.` : ''),
      },
    ],
    logSource,
  );
  yield para([{ text: `${plural(overview.progressReports, 'progress report was', 'progress reports were')} recorded for ${year}.` }], logSource);
  yield {
    kind: 'table',
    columns: ['Status', 'Commitments'],
    widths: [3, 1],
    rows: [...(Object.entries(overview.byStatus) as Array<[CommitmentStatus, number]>).map(([s, n]) => [STATUS_LABELS[s], String(n)]), ['total', String(overview.commitments)]],
  };
  yield note(
    `Notes. Changes during ${year} are status changes that occurred in the calendar year (UTC). Progress for ${year} is ` +
      `every progress report whose period is ${year}, whenever it was recorded. An agency owed a report when it led a ` +
      `commitment open at some time during ${year}. A commitment is overdue when its due date has passed and it is ` +
      `neither completed nor discontinued. Each statement cites its commitment code and the progress report ` +
      `(id, agency, date, document) or event it comes from; "unchanged since ${year - 1}" marks a text identical to the ` +
      `same agency's report on the same commitment for ${year - 1}.`,
  );

  yield { kind: 'heading', level: 1, text: 'II. Progress by agenda item' };
  for (const section of body.agendaItems) yield* agendaItemSection(section, year, logSource, para, note);

  yield { kind: 'heading', level: 1, text: 'III. Agencies' };
  for (const table of body.agencies) yield* agencySection(table, year, note);

  yield { kind: 'pageBreak' };
  yield { kind: 'heading', level: 1, text: `Annex I. Commitments as at ${asOfDate}` };
  yield {
    kind: 'table',
    columns: ['Code', 'Title', 'Lead agency', 'Status', 'Last report period', 'Overdue'],
    widths: [2, 6, 2, 2, 1, 1],
    rows: (function* () {
      for (const row of annex.commitments()) {
        yield [row.code, row.title, row.leadAgency, STATUS_LABELS[row.status], row.lastReportPeriod === null ? '—' : String(row.lastReportPeriod), row.overdue ? 'yes' : 'no'];
      }
    })(),
  };
  yield { kind: 'heading', level: 1, text: `Annex II. Progress reports for ${year} (full text)` };
  let any = false;
  for (const report of annex.progressReports()) {
    any = true;
    yield {
      kind: 'paragraph',
      number: null,
      runs: [
        { text: `${report.commitmentCode}: ${report.agency}, ${report.date}`, bold: true },
        ...(report.kind !== 'report' ? [{ text: ` (${report.kind.replace(/_/g, ' ')})`, italic: true }] : []),
        ...(report.unchangedSincePreviousYear ? [{ text: ` (unchanged since ${year - 1})`, italic: true }] : []),
      ],
      source: `progress report ${report.reportId}${report.document ? `; ${report.document}` : ''}`,
    };
    yield { kind: 'paragraph', number: null, runs: [{ text: report.text }], source: null };
  }
  if (!any) yield note(`No progress report was recorded for ${year}.`);
}

function* agendaItemSection(
  section: AgendaItemSection,
  year: number,
  logSource: string,
  para: (runs: Run[], source: string | null) => Block,
  note: (text: string) => Block,
): Generator<Block> {
  const title = section.number === null ? section.title : `Agenda item ${section.number}: ${section.title}`;
  yield { kind: 'heading', level: 2, text: title };
  yield para(
    [
      {
        text:
          section.commitments === 0
            ? `No commitment is linked to ${section.number === null ? 'this group' : 'this agenda item'}.`
            : `${plural(section.commitments, 'commitment is', 'commitments are')} linked to ${section.number === null ? 'no agenda item' : 'this agenda item'}: ${statusBreakdown(section.byStatus)}.`,
      },
    ],
    logSource,
  );
  if (section.commitments > 0) yield { kind: 'chart', title, counts: section.byStatus };

  yield { kind: 'heading', level: 3, text: `Progress reported for ${year}` };
  if (section.progress.length === 0) yield note(`No progress was reported for ${year} on these commitments.`);
  for (const { agency, statements } of section.progress) {
    for (const statement of statements) yield para(progressRuns(agency, statement, year), reportSource(statement.citation));
  }

  yield { kind: 'heading', level: 3, text: `Completed during ${year}` };
  if (section.completed.length === 0) yield note(`None of these commitments was completed during ${year}.`);
  for (const done of section.completed) {
    yield para(
      [
        { text: done.commitmentCode, bold: true },
        {
          text:
            ` (${done.title}), led by ${done.leadAgency}, was completed on ${done.citation.date}.` +
            (done.statusNow === 'completed' ? '' : ` Its status is now ${STATUS_LABELS[done.statusNow]}.`),
        },
      ],
      eventSource(done.citation),
    );
  }

  yield { kind: 'heading', level: 3, text: 'Overdue' };
  if (section.overdue.length === 0) yield note('None of these commitments is overdue.');
  for (const late of section.overdue) {
    yield para(
      [
        { text: late.commitmentCode, bold: true },
        { text: ` (${late.title}), led by ${late.leadAgency}, was due on ${late.dueDate} and is ${STATUS_LABELS[late.status]}.` },
      ],
      `${late.commitmentCode}; due date ${late.dueDate}`,
    );
  }
}

function progressRuns(agency: string, statement: ProgressStatement, year: number): Run[] {
  const runs: Run[] = [
    { text: agency, bold: true },
    { text: ` on ${statement.citation.commitmentCode}${statement.kind === 'report' ? '' : ` (${statement.kind.replace(/_/g, ' ')})`}: “${statement.excerpt}”` },
  ];
  if (statement.unchangedSincePreviousYear) runs.push({ text: ` (unchanged since ${year - 1})`, italic: true });
  return runs;
}

function* agencySection(table: AgencyTable, year: number, note: (text: string) => Block): Generator<Block> {
  yield { kind: 'heading', level: 2, text: `${table.code}: ${table.name}` };
  yield note(
    `Leads ${plural(table.led, 'commitment', 'commitments')} and supports ${table.supported}; ` +
      (table.reports > 0 ? `reported progress for ${year} (${plural(table.reports, 'report', 'reports')})` : `did not report progress for ${year}`) +
      (table.owed ? `; owed a report for ${year}.` : '.'),
  );
  if (table.commitments.length === 0) return;
  yield {
    kind: 'table',
    columns: ['Commitment', 'Role', 'Status', `Reported for ${year}`, `Status changes during ${year}`],
    widths: [2, 1, 2, 1, 5],
    rows: table.commitments.map((row) => [
      row.commitmentCode,
      row.role,
      STATUS_LABELS[row.status],
      row.reported ? 'yes' : 'no',
      row.statusChanges.map(changeText).join('; ') || '—',
    ]),
  };
}
