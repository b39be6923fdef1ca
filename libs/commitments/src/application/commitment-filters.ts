import type { SelectQueryBuilder } from 'typeorm';
import type { CommitmentStatus } from '../domain/lifecycle.js';
import type { OverdueSql } from '../domain/overdue.js';

/**
 * The filters of the commitment list, shared by the list, its facet counts and its export. A filter that takes
 * several values matches a commitment that has any of them; different filters must all match.
 */
export interface CommitmentFilters {
  /** Commitments one of these agencies leads or supports. */
  agency?: string[];
  /** Commitments one of these agencies leads. */
  lead?: string[];
  /** Commitments one of these agencies supports. */
  supporting?: string[];
  /** Commitments linked to one of these agenda items. */
  agendaItem?: number[];
  /** Commitments mapped to one of these SDG targets. */
  sdgTarget?: string[];
  status?: CommitmentStatus[];
  overdue?: boolean;
  /** Full-text search over code, title and text. */
  q?: string;
  dueBefore?: string;
}

/** The filters a list can be counted by (faceted search); `q` and `dueBefore` narrow every facet alike. */
/**
 * The search vector of a past state (commitment_versions aliased `c`), made when asked: only commitment_view keeps
 * one, versions are many.
 */
export const PAST_SEARCH = `(setweight(to_tsvector('english', c.code), 'A') || setweight(to_tsvector('english', c.title), 'B') ||
  setweight(to_tsvector('english', c.text), 'C'))`;

export const COMMITMENT_FACETS = ['lead', 'supporting', 'agency', 'agendaItem', 'sdgTarget', 'status', 'overdue'] as const;
export type CommitmentFacet = (typeof COMMITMENT_FACETS)[number];

/** One filter as SQL over commitment_view aliased `c`, with its named parameters (names unique per filter). */
export interface FilterCondition {
  facet: CommitmentFacet | null;
  sql: string;
  params: Record<string, unknown>;
}

/** The conditions the filters set, each tagged with its facet. Array filters use `&&` (overlap), which the GIN indexes serve. */
export function filterConditions(f: CommitmentFilters, sql: OverdueSql, search = 'c.search'): FilterCondition[] {
  const conditions: FilterCondition[] = [];
  const add = (facet: CommitmentFacet | null, condition: string, params: Record<string, unknown> = {}) =>
    conditions.push({ facet, sql: condition, params });
  if (f.lead?.length) add('lead', 'c.lead_agency = ANY(CAST(:lead AS text[]))', { lead: f.lead });
  if (f.supporting?.length) add('supporting', 'c.supporting_agencies && CAST(:supporting AS text[])', { supporting: f.supporting });
  if (f.agency?.length)
    add('agency', '(c.lead_agency = ANY(CAST(:agency AS text[])) OR c.supporting_agencies && CAST(:agency AS text[]))', {
      agency: f.agency,
    });
  if (f.agendaItem?.length) add('agendaItem', 'c.agenda_items && CAST(:agendaItems AS smallint[])', { agendaItems: f.agendaItem });
  if (f.sdgTarget?.length) add('sdgTarget', 'c.sdg_targets && CAST(:sdgTargets AS text[])', { sdgTargets: f.sdgTarget });
  if (f.status?.length) add('status', 'c.status = ANY(CAST(:status AS text[]))', { status: f.status });
  if (f.overdue === true) add('overdue', sql.overdue);
  if (f.overdue === false) add('overdue', `NOT ${sql.overdue}`);
  if (f.dueBefore) add(null, 'c.due_date < :dueBefore', { dueBefore: f.dueBefore });
  if (f.q) add(null, `${search} @@ websearch_to_tsquery('english', :q)`, { q: f.q });
  return conditions;
}

/** Narrows a query over commitment_view `c` to the commitments the filters match (`sql`: overdue, judged over `c`). */
export function applyCommitmentFilters<T extends object>(
  qb: SelectQueryBuilder<T>,
  f: CommitmentFilters,
  sql: OverdueSql,
  search?: string,
): SelectQueryBuilder<T> {
  for (const condition of filterConditions(f, sql, search)) qb.andWhere(condition.sql, condition.params);
  return qb;
}
