import { plainToInstance, type ClassConstructor } from 'class-transformer';
import { validateSync, type ValidationError } from 'class-validator';
import type { Located, RawCatalogue } from './catalogue-files.js';
import {
  AgencyEntry,
  AgendaItemEntry,
  CommitmentEntry,
  DocumentEntry,
  ProgressReportEntry,
  type CitationEntry,
} from './catalogue-entries.js';
import { citationProblems, formatCitations, LINE_REFERENCE, type SourceDocument } from './citations.js';
import { COORDINATION_MEETINGS, meetingDate } from './effective-dates.js';

/** One thing wrong with the data: which file, which record, which field, and what. */
export interface CatalogueProblem {
  file: string;
  record: string;
  field: string;
  message: string;
}

export interface Catalogue {
  documents: DocumentEntry[];
  agencies: AgencyEntry[];
  agendaItems: AgendaItemEntry[];
  commitments: CommitmentEntry[];
  progressReports: ProgressReportEntry[];
}

export interface CatalogueCheck {
  problems: CatalogueProblem[];
  catalogue: Catalogue;
  /** Commitments per lead agency and kind, for the summary a reviewer reads. */
  counts: Record<string, Record<string, number>>;
}

/** PDF-conversion leftovers that must not reach the product's texts. */
const ARTEFACTS: Array<[RegExp, string]> = [
  [/[\r\n\t]/, 'contains a line break or tab'],
  [/ {2,}/, 'contains a run of spaces'],
  [/\u00ad/, 'contains a soft hyphen'],
  [/^\s|\s$/, 'starts or ends with white space'],
  [/Chapter \d+:/, 'contains a running page header'],
];

/**
 * Validates the whole catalogue without a database: each record's shape (the API's own rules), codes unique,
 * every agency and commitment referred to exists, every reporting agency owns what it reports on, texts are
 * clean, and every citation names a known document and a place within it, and reads as its `source` says.
 */
export function checkCatalogue(raw: RawCatalogue): CatalogueCheck {
  const problems: CatalogueProblem[] = raw.unreadable.map(({ file, message }) => ({ file, record: '-', field: '-', message }));
  const label = (l: Located<Record<string, unknown>>, key: string) => `${l.index + 1} (${String(l.record?.[key] ?? 'no ' + key)})`;

  const validated = <T extends object>(type: ClassConstructor<T>, items: Array<Located<Record<string, unknown>>>, key: string) =>
    items.flatMap((item) => {
      const instance = plainToInstance(type, item.record);
      const errors = validateSync(instance, { whitelist: true, forbidNonWhitelisted: true });
      for (const problem of flatten(errors)) problems.push({ file: item.file, record: label(item, key), ...problem });
      return errors.length === 0 ? [{ ...item, entry: instance }] : [];
    });

  const documents = validated(DocumentEntry, raw.documents, 'id');
  const agencies = validated(AgencyEntry, raw.agencies, 'code');
  const agendaItems = validated(AgendaItemEntry, raw.agendaItems, 'number');
  const commitments = validated(CommitmentEntry, raw.commitments, 'code');
  const reports = validated(ProgressReportEntry, raw.progressReports, 'commitmentCode');

  const duplicates = <T>(
    items: Array<Located<Record<string, unknown>> & { entry: T }>,
    key: (t: T) => string,
    field: string,
    key2: string,
  ) => {
    const seen = new Map<string, string>();
    for (const item of items) {
      const value = key(item.entry);
      const first = seen.get(value);
      if (first) problems.push({ file: item.file, record: label(item, key2), field, message: `duplicates ${first}` });
      else seen.set(value, `${item.file} record ${item.index + 1}`);
    }
  };
  duplicates(documents, (d) => d.id, 'id', 'id');
  duplicates(agencies, (a) => a.code, 'code', 'code');
  duplicates(agendaItems, (a) => String(a.number), 'number', 'number');
  duplicates(commitments, (c) => c.code, 'code', 'code');
  const numbers = new Set(agendaItems.map((a) => a.entry.number));
  for (let n = 1; n <= 8; n += 1) {
    if (!numbers.has(n))
      problems.push({
        file: raw.agendaItems[0]?.file ?? 'agenda-items.json',
        record: '-',
        field: 'number',
        message: `agenda item ${n} is missing`,
      });
  }

  const agencyCodes = new Set(agencies.map((a) => a.entry.code));
  const byCode = new Map(commitments.map((c) => [c.entry.code, c.entry]));
  for (const c of commitments) {
    const where = { file: c.file, record: label(c, 'code') };
    const unknown = [c.entry.leadAgency, ...(c.entry.supportingAgencies ?? [])].filter((a) => !agencyCodes.has(a));
    for (const code of unknown)
      problems.push({
        ...where,
        field: code === c.entry.leadAgency ? 'leadAgency' : 'supportingAgencies',
        message: `unknown agency ${code}`,
      });
    if (c.entry.supportingAgencies?.includes(c.entry.leadAgency))
      problems.push({ ...where, field: 'supportingAgencies', message: 'includes the lead agency' });
    if (c.entry.agendaItems.length === 0) problems.push({ ...where, field: 'agendaItems', message: 'must name at least one agenda item' });
    if (c.entry.agendaItems.some((n) => n < 1 || n > 8))
      problems.push({ ...where, field: 'agendaItems', message: 'agenda items are numbered 1 to 8' });
    for (const field of ['title', 'text'] as const) {
      for (const [pattern, message] of ARTEFACTS) if (pattern.test(c.entry[field])) problems.push({ ...where, field, message });
    }
  }
  for (const r of reports) {
    const where = { file: r.file, record: label(r, 'commitmentCode') };
    const commitment = byCode.get(r.entry.commitmentCode);
    if (!commitment) {
      problems.push({ ...where, field: 'commitmentCode', message: `unknown commitment ${r.entry.commitmentCode}` });
      continue;
    }
    const agency = r.entry.agency;
    if (!agency) problems.push({ ...where, field: 'agency', message: 'is required' });
    else if (!agencyCodes.has(agency)) problems.push({ ...where, field: 'agency', message: `unknown agency ${agency}` });
    else if (![commitment.leadAgency, ...(commitment.supportingAgencies ?? [])].includes(agency)) {
      problems.push({ ...where, field: 'agency', message: `${r.entry.agency} neither leads nor supports ${r.entry.commitmentCode}` });
    }
    // the report's effective date is its meeting's (effective-dates.ts)
    if (meetingDate(r.entry.sourceLines) === null) {
      const known = COORDINATION_MEETINGS.map((m) => m.name).join(', ');
      problems.push({ ...where, field: 'sourceLines', message: `names no coordination meeting the catalogue knows (${known})` });
    }
  }

  const registry = new Map<string, SourceDocument>(documents.map((d) => [d.entry.id, d.entry]));
  const cited = <T extends { source: string; citations: CitationEntry[] }>(
    items: Array<Located<Record<string, unknown>> & { entry: T }>,
    key: string,
  ) => {
    for (const item of items) {
      const where = { file: item.file, record: label(item, key) };
      const wrong = item.entry.citations.flatMap((citation, i) =>
        citationProblems(citation, registry).map((p) => ({ ...where, field: `citations.${i}.${p.field}`, message: p.message })),
      );
      problems.push(...wrong);
      const expected = wrong.length === 0 ? formatCitations(item.entry.citations, registry) : item.entry.source;
      if (item.entry.source !== expected)
        problems.push({ ...where, field: 'source', message: `does not read as its citations: "${expected}"` });
    }
  };
  cited(agencies, 'code');
  cited(commitments, 'code');
  cited(reports, 'commitmentCode');
  // what users read never points into the catalogue's text files
  const withoutLineReferences = <T extends object>(
    items: Array<Located<Record<string, unknown>> & { entry: T }>,
    key: string,
    fields: Array<keyof T & string>,
  ) => {
    for (const item of items) {
      for (const field of fields) {
        if (LINE_REFERENCE.test(String(item.entry[field] ?? ''))) {
          problems.push({
            file: item.file,
            record: label(item, key),
            field,
            message: 'cites a line of the seed texts: cite the document (line references go in sourceLines)',
          });
        }
      }
    }
  };
  withoutLineReferences(agencies, 'code', ['name', 'source']);
  withoutLineReferences(agendaItems, 'number', ['title', 'description', 'source']);
  withoutLineReferences(commitments, 'code', ['title', 'text', 'source']);
  withoutLineReferences(reports, 'commitmentCode', ['summary', 'source']);

  const counts: Record<string, Record<string, number>> = {};
  for (const { entry } of commitments) {
    counts[entry.leadAgency] ??= {};
    counts[entry.leadAgency][entry.kind] = (counts[entry.leadAgency][entry.kind] ?? 0) + 1;
  }
  return {
    problems,
    counts,
    catalogue: {
      documents: documents.map((d) => d.entry),
      agencies: agencies.map((a) => a.entry),
      agendaItems: agendaItems.map((a) => a.entry),
      commitments: commitments.map((c) => c.entry),
      progressReports: reports.map((r) => r.entry),
    },
  };
}

function flatten(errors: ValidationError[], prefix = ''): Array<{ field: string; message: string }> {
  return errors.flatMap((e) => {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    return [...Object.values(e.constraints ?? {}).map((message) => ({ field, message })), ...flatten(e.children ?? [], field)];
  });
}

export function formatProblem(p: CatalogueProblem): string {
  return `${p.file}: record ${p.record}: ${p.field}: ${p.message}`;
}
